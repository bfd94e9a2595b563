import type { TransactionView } from 'daraja-client/emulator';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../api/control-error';
import { useApi } from '../api/use-api';
import { formatMsisdn } from '../common/format';

interface Props {
  transaction: TransactionView;
  onAnswered: (transaction: TransactionView) => void;
}

/**
 * Answers a pending STK prompt from its story, through the same control calls the phone makes: the decision
 * is recorded as made on the phone, and a wrong PIN ends the prompt as it would there.
 */
export function PromptActions({ transaction, onAnswered }: Props) {
  const api = useApi();
  const id = useId();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function run(action: () => Promise<TransactionView>) {
    setBusy(true);
    setError(undefined);
    try {
      onAnswered(await action());
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  function accept(event: FormEvent) {
    event.preventDefault();
    void run(() => api.stkAccept(transaction.id, pin));
  }

  return (
    <form className="card prompt-actions" aria-label="Answer the prompt" onSubmit={accept}>
      <p>Answer as the customer{transaction.phone ? ` on ${formatMsisdn(transaction.phone)}` : ''}:</p>
      <div className="inline-form">
        <label htmlFor={`${id}-pin`}>M-PESA PIN</label>
        <input
          id={`${id}-pin`}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          size={6}
          required
          value={pin}
          disabled={busy}
          onChange={(e) => setPin(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          Accept
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void run(() => api.stkDecline(transaction.id))}
        >
          Decline (1032)
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void run(() => api.stkTimeout(transaction.id))}
        >
          Time out (1037)
        </button>
      </div>
      {error && <p className="error">{error}</p>}
    </form>
  );
}
