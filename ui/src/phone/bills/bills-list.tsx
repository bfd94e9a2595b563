import type { InvoiceView } from 'daraja-client/emulator';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { errorMessage } from '../../api/control-error';
import { useApi } from '../../api/use-api';
import { formatAmount } from '../../common/format';
import { useLiveEvent } from '../../live/use-live';

interface Props {
  msisdn: string;
  onBack: () => void;
}

/**
 * The customer's Bill Manager invoices (M-PESA "My Bills"): what is owed, to whom, by when. Paying one is an
 * ordinary Pay Bill payment with the invoice's account reference, so the biller hears of it as Daraja tells it.
 */
export function BillsList({ msisdn, onBack }: Props) {
  const api = useApi();
  const id = useId();
  const [invoices, setInvoices] = useState<InvoiceView[]>([]);
  const [paying, setPaying] = useState<InvoiceView>();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string }>();
  const reload = useCallback(() => {
    api
      .invoices(msisdn)
      .then(setInvoices, (e: unknown) => setMessage({ tone: 'error', text: errorMessage(e) }));
  }, [api, msisdn]);
  useEffect(reload, [reload]);
  useLiveEvent((event) => {
    if (event.type === 'sms' && event.sms.msisdn === msisdn) reload();
    if (
      event.type === 'transaction' &&
      event.transaction.phone === msisdn &&
      event.transaction.status !== 'pending'
    )
      reload();
  });
  const open = invoices.filter((i) => i.status === 'unpaid' || i.status === 'partially-paid');
  const owing = (i: InvoiceView) => Math.max(0, i.amount - i.paidAmount);

  async function pay(event: FormEvent) {
    event.preventDefault();
    if (!paying) return;
    setBusy(true);
    try {
      const t = await api.c2bPay({
        shortcode: paying.shortcode,
        msisdn,
        amount: Math.ceil(owing(paying)),
        billRefNumber: paying.accountReference,
        pin,
      });
      setMessage(
        t.status === 'failed'
          ? { tone: 'error', text: `Not paid: ${t.resultDesc ?? 'the payment failed'}` }
          : {
              tone: 'ok',
              text: `Paid ${formatAmount(t.amount ?? 0)} to ${paying.billerName} for ${paying.invoiceName}.`,
            },
      );
      setPaying(undefined);
      reload();
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
      setPin('');
    }
  }

  return (
    <section className="bills" aria-label="My Bills">
      <h3>My Bills</h3>
      {message && (
        <p role="status" className={`notice ${message.tone}`}>
          {message.text}
        </p>
      )}
      {open.length === 0 && <p className="muted">No bills to pay.</p>}
      <ul>
        {open.map((i) => (
          <li key={i.id} aria-label={`Bill ${i.externalReference}`}>
            <strong>{i.billerName}</strong>: {i.invoiceName} ({i.billedPeriod}), {formatAmount(owing(i))} due{' '}
            {i.dueDate.slice(0, 10)}, Paybill {i.shortcode} account {i.accountReference}
            {i.status === 'partially-paid' && <span className="muted"> (part paid)</span>}
            {paying?.id !== i.id && (
              <button type="button" onClick={() => setPaying(i)}>
                Pay {i.externalReference}
              </button>
            )}
          </li>
        ))}
      </ul>
      {paying && (
        <form onSubmit={(e) => void pay(e)} aria-label={`Pay bill ${paying.externalReference}`}>
          <p>
            Pay {formatAmount(owing(paying))} to {paying.billerName} account {paying.accountReference}?
          </p>
          <label htmlFor={`${id}-pin`}>M-PESA PIN</label>
          <input
            id={`${id}-pin`}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            required
            value={pin}
            disabled={busy}
            onChange={(e) => setPin(e.target.value)}
          />
          <button type="button" className="secondary" disabled={busy} onClick={() => setPaying(undefined)}>
            Cancel
          </button>
          <button type="submit" disabled={busy}>
            Send
          </button>
        </form>
      )}
      <button type="button" className="secondary" onClick={onBack}>
        Back
      </button>
    </section>
  );
}
