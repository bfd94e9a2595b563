import type { TransactionView } from 'daraja-client/emulator';
import { type FormEvent, useId, useRef, useState } from 'react';
import { ControlError, errorMessage } from '../api/control-error';
import { useApi } from '../api/use-api';
import { formatAmount } from '../common/format';
import { useLiveEvent } from '../live/use-live';
import { useWorld } from '../world/world-context';

interface Props {
  mode: 'pay-bill' | 'buy-goods';
  msisdn: string;
  onBack: () => void;
  /** What a scanned QR code filled in: the payee, the amount and the reference to send with it. */
  preset?: { shortcode: string; amount: number; reference: string };
}

type Outcome = { tone: 'ok' | 'error'; text: string };

/** Pay Bill and Buy Goods: the customer pays a business from the phone, through the emulator's real C2B flow. */
export function C2bPaymentForm({ mode, msisdn, onBack, preset }: Props) {
  const api = useApi();
  const { shortcodes } = useWorld();
  const id = useId();
  const [shortcode, setShortcode] = useState(preset?.shortcode ?? '');
  const [account, setAccount] = useState(preset?.reference ?? '');
  const [amount, setAmount] = useState(preset ? String(preset.amount) : '');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  // A payment waits while the app's validation URL is asked; its outcome then arrives as a live event. A ref,
  // not state: the event can arrive before React has re-rendered with the id to wait for.
  const waitingFor = useRef<string>(undefined);
  const payBill = mode === 'pay-bill';
  const nameOf = (code: string) => shortcodes.find((s) => s.shortcode === code)?.name;

  // The outcome can arrive over the socket before the POST's answer does; finished payments are kept to check.
  const finished = useRef(new Map<string, TransactionView>());

  useLiveEvent((event) => {
    if (event.type !== 'transaction' || event.transaction.phone !== msisdn) return;
    const t = event.transaction;
    if (t.status === 'pending') return;
    finished.current.set(t.id, t);
    if (t.id !== waitingFor.current) return;
    waitingFor.current = undefined;
    setOutcome(describe(t, nameOf(t.shortcode)));
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setOutcome(undefined);
    try {
      const transaction = await api.c2bPay({
        shortcode: shortcode.trim(),
        msisdn,
        amount: Number(amount),
        ...(payBill || preset ? { billRefNumber: account.trim() } : {}),
        pin,
      });
      const settled = finished.current.get(transaction.id) ?? transaction;
      setOutcome(describe(settled, nameOf(settled.shortcode)));
      waitingFor.current = settled.status === 'pending' ? settled.id : undefined;
      setPin('');
    } catch (error) {
      setOutcome({ tone: 'error', text: explainFailure(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="c2b-form" aria-label={payBill ? 'Pay Bill' : 'Buy Goods and Services'} onSubmit={submit}>
      <h3>{payBill ? 'Pay Bill' : 'Buy Goods and Services'}</h3>
      {preset && (
        <p className="qr-scanned">
          Scanned QR code: {nameOf(preset.shortcode) ?? preset.shortcode}, {formatAmount(preset.amount)}
          {preset.reference ? `, reference ${preset.reference}` : ''}
        </p>
      )}
      <label htmlFor={`${id}-shortcode`}>{payBill ? 'Business no.' : 'Till no.'}</label>
      <input
        id={`${id}-shortcode`}
        inputMode="numeric"
        required
        value={shortcode}
        list={`${id}-known`}
        onChange={(e) => setShortcode(e.target.value)}
      />
      <datalist id={`${id}-known`}>
        {shortcodes
          .filter((s) => (payBill ? s.kind === 'paybill' : s.kind === 'till'))
          .map((s) => (
            <option key={s.shortcode} value={s.shortcode}>
              {s.name}
            </option>
          ))}
      </datalist>
      {payBill && (
        <>
          <label htmlFor={`${id}-account`}>Account no.</label>
          <input id={`${id}-account`} required value={account} onChange={(e) => setAccount(e.target.value)} />
        </>
      )}
      <label htmlFor={`${id}-amount`}>Amount</label>
      <input
        id={`${id}-amount`}
        type="number"
        min="1"
        step="1"
        required
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
      />
      <label htmlFor={`${id}-pin`}>M-PESA PIN</label>
      <input
        id={`${id}-pin`}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        required
        value={pin}
        onChange={(e) => setPin(e.target.value)}
      />
      <div className="form-actions">
        <button type="button" className="secondary" onClick={onBack}>
          Back
        </button>
        <button type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send'}
        </button>
      </div>
      {outcome && (
        <p role="status" className={outcome.tone === 'ok' ? 'notice ok' : 'notice error'}>
          {outcome.text}
        </p>
      )}
    </form>
  );
}

function describe(transaction: TransactionView, name = transaction.shortcode): Outcome {
  const amount = formatAmount(transaction.amount ?? 0);
  if (transaction.status === 'completed') {
    const receipt = transaction.receipt ? `${transaction.receipt} confirmed. ` : '';
    return { tone: 'ok', text: `${receipt}${amount} paid to ${name}.` };
  }
  if (transaction.status === 'pending')
    return { tone: 'ok', text: `Sending ${amount} to ${name}: waiting for ${name} to accept…` };
  return {
    tone: 'error',
    text: `${name} did not accept the payment: ${transaction.resultDesc ?? 'no reason given'}`,
  };
}

function explainFailure(error: unknown): string {
  // A 404 with no error body means the route itself is missing: this emulator was built without C2B.
  if (error instanceof ControlError && error.notFound && error.code.startsWith('http-')) {
    return 'Paying from the phone is not available: this emulator has no C2B payments (POST /_emulator/c2b/payments answered 404).';
  }
  return errorMessage(error);
}
