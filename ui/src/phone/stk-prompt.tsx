import type { TransactionView } from 'daraja-client/emulator';
import {
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { formatAmount, formatCountdown } from '../common/format';

export type StkAnswer = { kind: 'accept'; pin: string } | { kind: 'decline' } | { kind: 'timeout' };

interface Props {
  transaction: TransactionView;
  merchantName: string;
  /** The emulator's time, when known; the countdown runs on it, not on the browser's clock. */
  now: number | undefined;
  /** The test customer's PIN, shown so that a person trying the emulator knows what to type. */
  pinHint?: string | undefined;
  /** Why the last answer did not go through. */
  error?: string | undefined;
  onAnswer: (answer: StkAnswer) => Promise<void>;
  /** The prompt's question, when it is not an STK payment's (a till operator's USSD push, say). */
  message?: ReactNode;
  /** What the PIN field asks for; the customer's M-PESA PIN by default. */
  pinLabel?: string;
}

/** The SIM-toolkit pop-up a customer sees after an app's STK push: the amount, the payee, a PIN field. */
export function StkPrompt({
  transaction,
  merchantName,
  now,
  pinHint,
  error,
  onAnswer,
  message,
  pinLabel = 'M-PESA PIN',
}: Props) {
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const pinField = useRef<HTMLInputElement>(null);

  // Like the handset, the PIN field takes the keyboard when the prompt appears, unless the user is busy elsewhere.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null)
      pinField.current?.focus();
  }, []);
  // A system clock is estimated from the last report, a few ms behind; never show more than the whole timeout.
  const left =
    transaction.expiresAt !== undefined && now !== undefined
      ? Math.min(transaction.expiresAt - now, transaction.expiresAt - transaction.createdAt)
      : undefined;
  const reference = transaction.accountReference ? ` account no ${transaction.accountReference}` : '';

  async function answer(value: StkAnswer) {
    setBusy(true);
    try {
      await onAnswer(value);
    } finally {
      setBusy(false);
      setPin('');
    }
  }

  // Escape is the handset's back key: it cancels the prompt.
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && !busy) {
      event.preventDefault();
      void answer({ kind: 'decline' });
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void answer({ kind: 'accept', pin });
  }

  return (
    <div className="stk-prompt" role="dialog" aria-labelledby={`${id}-text`} onKeyDown={onKeyDown}>
      <form onSubmit={submit}>
        <p id={`${id}-text`} className="stk-text">
          {message ?? (
            <>
              Do you want to pay {formatAmount(transaction.amount ?? 0)} to {merchantName}
              {reference}? Enter M-PESA PIN
            </>
          )}
        </p>
        <label className="visually-hidden" htmlFor={`${id}-pin`}>
          {pinLabel}
        </label>
        <input
          id={`${id}-pin`}
          ref={pinField}
          className="stk-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          pattern="[0-9]*"
          required
          value={pin}
          disabled={busy}
          onChange={(event) => setPin(event.target.value)}
        />
        {pinHint && <p className="stk-hint">Test PIN: {pinHint}</p>}
        <div className="stk-actions">
          <button type="button" disabled={busy} onClick={() => void answer({ kind: 'decline' })}>
            Cancel
          </button>
          <button type="submit" disabled={busy}>
            OK
          </button>
        </div>
        {left !== undefined && (
          <p className="stk-countdown" aria-live="off">
            {left > 0 ? `Expires in ${formatCountdown(left)}` : 'Timing out…'}
          </p>
        )}
        {error && (
          <p className="stk-error" role="alert">
            {error}
          </p>
        )}
        <button
          type="button"
          className="link-button"
          disabled={busy}
          onClick={() => void answer({ kind: 'timeout' })}
        >
          Ignore it (time out now)
        </button>
      </form>
    </div>
  );
}
