const tones: Record<string, string> = {
  completed: 'ok',
  delivered: 'ok',
  pending: 'wait',
  scheduled: 'wait',
  delivering: 'wait',
  failed: 'bad',
  cancelled: 'muted',
  reversed: 'muted',
};

/** A transaction's or delivery's status, or an HTTP status, as a coloured word. */
export function StatusBadge({ status }: { status: string | number }) {
  const tone = typeof status === 'number' ? (status < 400 ? 'ok' : 'bad') : (tones[status] ?? 'muted');
  return <span className={`badge ${tone}`}>{status}</span>;
}
