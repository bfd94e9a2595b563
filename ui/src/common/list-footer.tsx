import { formatCount } from './format';

interface Props {
  shown: number;
  total: number;
  /** What the list holds, plural ("transactions"). */
  noun: string;
  loading: boolean;
  onMore: () => void;
  /** How many more one click brings. */
  step: number;
}

/** Says how many records the list shows of how many match, and brings the next ones in. */
export function ListFooter({ shown, total, noun, loading, onMore, step }: Props) {
  if (total === 0) return null;
  const more = Math.min(step, total - shown);
  return (
    <div className="list-footer">
      <p role="status" aria-live="polite">
        {shown >= total
          ? `All ${formatCount(total)} ${noun} shown.`
          : `Showing the newest ${formatCount(shown)} of ${formatCount(total)} ${noun}.`}
      </p>
      {shown < total && (
        <button type="button" className="secondary" disabled={loading} onClick={onMore}>
          Show {formatCount(more)} more
        </button>
      )}
    </div>
  );
}
