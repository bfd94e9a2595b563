import type { DeliveryView } from 'daraja-client/emulator';
import { useState } from 'react';
import { errorMessage } from '../api/control-error';
import { useApi } from '../api/use-api';
import { routeHref } from '../app/use-hash-route';
import { formatDateTime, formatDuration } from '../common/format';
import { JsonBlock } from '../common/json-block';
import { StatusBadge } from '../common/status-badge';

interface Props {
  delivery: DeliveryView;
  onResent: (delivery: DeliveryView) => void;
  /** In a transaction's story the link back to it would point at the page itself. */
  showTransaction?: boolean;
}

/** One callback the emulator sent (or will send): where, what, every attempt's answer, and a resend button. */
export function DeliveryCard({ delivery, onResent, showTransaction = true }: Props) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const last = delivery.attempts.at(-1);

  async function resend() {
    setBusy(true);
    setError(undefined);
    try {
      onResent(await api.resend(delivery.id));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className="card delivery" aria-label={`Delivery ${delivery.id}`}>
      <header className="card-head">
        <strong>{delivery.kind}</strong>
        <StatusBadge status={delivery.status} />
        {last?.status !== undefined && <StatusBadge status={last.status} />}
        {last && <span>{formatDuration(last.durationMs)}</span>}
        <button type="button" disabled={busy} onClick={() => void resend()}>
          {busy ? 'Resending…' : 'Resend'}
        </button>
      </header>
      <p className="url">
        POST <code>{delivery.url}</code>
      </p>
      <p className="muted">
        Due {formatDateTime(delivery.dueAt)}
        {showTransaction && delivery.transactionId && (
          <>
            {' · '}
            <a href={routeHref('transactions', delivery.transactionId)}>
              transaction {delivery.transactionId}
            </a>
          </>
        )}
      </p>
      {delivery.rules && delivery.rules.length > 0 && (
        <p>Changed by fault rules: {delivery.rules.join(', ')}</p>
      )}
      {error && <p className="error">{error}</p>}
      <JsonBlock label="Request body" value={delivery.body} />
      {delivery.attempts.length === 0 && <p className="muted">Not attempted yet.</p>}
      <ol className="attempts" aria-label="Attempts">
        {delivery.attempts.map((attempt, index) => (
          <li key={attempt.at + ':' + index}>
            <p>
              Attempt {index + 1} at {formatDateTime(attempt.at)}:{' '}
              {attempt.status !== undefined ? `HTTP ${attempt.status}` : 'no answer'} in{' '}
              {formatDuration(attempt.durationMs)}
            </p>
            {attempt.error && <p className="error">{attempt.error}</p>}
            <JsonBlock label="Response body" value={attempt.responseBody} />
          </li>
        ))}
      </ol>
    </article>
  );
}
