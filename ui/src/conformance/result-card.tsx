import type { CallbackExchange, ConformanceResult } from 'daraja-client/emulator';
import { JsonBlock } from '../common/json-block';

const VERDICT = { pass: 'Pass', fail: 'Fail', error: 'Could not run' } as const;
const BADGE = { pass: 'ok', fail: 'bad', error: 'wait' } as const;

function answers(c: CallbackExchange): string {
  if (c.status === 'cancelled') return 'not sent (withheld by the variant)';
  if (c.answers.length === 0) return c.status;
  return c.answers
    .map((a) => (a.error ? `no answer (${a.error})` : `${a.status} ${a.body ?? ''} in ${a.latencyMs} ms`))
    .join('; ');
}

/** One variant of a run: what was sent, what the app answered, the probe and the verdict. */
export function ResultCard({ result }: { result: ConformanceResult }) {
  return (
    <article className="card" aria-label={`Conformance ${result.variant}`}>
      <header className="card-head">
        <strong>{result.variant}</strong>{' '}
        <span className={`badge ${BADGE[result.verdict]}`}>{VERDICT[result.verdict]}</span>
      </header>
      {result.expect && <p className="muted">Correct app: {result.expect.summary}</p>}
      {result.trigger && <p>Trigger: {result.trigger}</p>}
      <ul aria-label="Callbacks sent">
        {result.callbacks.map((c) => (
          <li key={c.deliveryId}>
            <span>
              {c.kind} to {c.url}
            </span>{' '}
            — <span>app answered {answers(c)}</span>
            <JsonBlock value={c.body} label={`${c.kind} body`} />
          </li>
        ))}
      </ul>
      {result.probe && <p>{result.probe}</p>}
      {result.reasons.length > 0 && (
        <ul aria-label="Reasons">
          {result.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
