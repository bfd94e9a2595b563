import type { StandingOrderView } from 'daraja-client/emulator';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { formatAmount } from '../../common/format';
import { frequencyLabel, ymdLabel } from './frequency-label';

export type RatibaAnswer = { kind: 'accept'; pin: string } | { kind: 'decline' } | { kind: 'timeout' };

interface Props {
  order: StandingOrderView;
  merchantName: string;
  pinHint?: string | undefined;
  error?: string | undefined;
  onAnswer: (answer: RatibaAnswer) => Promise<void>;
}

/** The M-PESA prompt asking the customer to approve an app's standing order (M-Pesa Ratiba) with their PIN. */
export function RatibaPrompt({ order, merchantName, pinHint, error, onAnswer }: Props) {
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const pinField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null)
      pinField.current?.focus();
  }, []);

  async function answer(value: RatibaAnswer) {
    setBusy(true);
    try {
      await onAnswer(value);
    } finally {
      setBusy(false);
      setPin('');
    }
  }

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

  const account = order.kind === 'paybill' ? ` account ${order.accountReference}` : '';
  return (
    <div className="stk-prompt" role="dialog" aria-labelledby={`${id}-text`} onKeyDown={onKeyDown}>
      <form onSubmit={submit}>
        <p id={`${id}-text`} className="stk-text">
          Approve standing order {order.name}: pay {formatAmount(order.amount)} to {merchantName}
          {account} {frequencyLabel(order.frequency)} from {ymdLabel(order.startDate)} to{' '}
          {ymdLabel(order.endDate)}? Enter M-PESA PIN
        </p>
        <label className="visually-hidden" htmlFor={`${id}-pin`}>
          M-PESA PIN
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
