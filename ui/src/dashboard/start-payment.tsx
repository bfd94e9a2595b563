import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../api/control-error';
import { sendStkPush } from '../api/daraja-push';
import { useApi } from '../api/use-api';
import { routeHref } from '../app/use-hash-route';
import { SANDBOX_MSISDN, SANDBOX_PASSKEY, SANDBOX_SHORTCODE } from '../export/sandbox';
import { useEmulatorNow } from '../world/use-emulator-now';
import { useWorld } from '../world/world-context';

type Kind = 'stk' | 'c2b';

/**
 * Starts a payment from the dashboard through the emulator's own APIs: an STK push sent to the Daraja
 * endpoint as an app sends it, or a C2B payment made as the customer makes it on the phone.
 */
export function StartPayment() {
  const api = useApi();
  const id = useId();
  const { customers, shortcodes } = useWorld();
  const now = useEmulatorNow(1000);
  const [kind, setKind] = useState<Kind>('stk');
  const [phone, setPhone] = useState(SANDBOX_MSISDN);
  const [shortcode, setShortcode] = useState(SANDBOX_SHORTCODE);
  const [amount, setAmount] = useState('1');
  const [reference, setReference] = useState('Test');
  const [callbackUrl, setCallbackUrl] = useState('https://example.com/mpesa/callback');
  const [passkey, setPasskey] = useState(SANDBOX_PASSKEY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const payable = shortcodes.filter((s) => (kind === 'stk' ? s.hasPasskey : s.kind !== 'b2c'));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const transactionId =
        kind === 'stk'
          ? (
              await sendStkPush({
                shortcode,
                passkey,
                phone,
                amount: Number(amount),
                accountReference: reference,
                callbackUrl,
                consumerKey: 'dashboard',
                consumerSecret: 'dashboard',
                now: now ?? 0,
              })
            ).CheckoutRequestID
          : (
              await api.c2bPay({
                shortcode,
                msisdn: phone,
                amount: Number(amount),
                billRefNumber: reference,
              })
            ).id;
      location.hash = routeHref('transactions', transactionId);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card start-payment" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
      <h3 id={`${id}-title`}>Start a payment</h3>
      <fieldset className="segmented">
        <legend>Kind</legend>
        <label>
          <input type="radio" name={`${id}-kind`} checked={kind === 'stk'} onChange={() => setKind('stk')} />
          STK push (as an app)
        </label>
        <label>
          <input type="radio" name={`${id}-kind`} checked={kind === 'c2b'} onChange={() => setKind('c2b')} />
          C2B payment (as the customer)
        </label>
      </fieldset>
      <div className="form-grid">
        <label htmlFor={`${id}-phone`}>Phone</label>
        <select id={`${id}-phone`} value={phone} onChange={(e) => setPhone(e.target.value)}>
          {customers.map((c) => (
            <option key={c.msisdn} value={c.msisdn}>
              {c.msisdn} {c.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-shortcode`}>Shortcode</label>
        <select id={`${id}-shortcode`} value={shortcode} onChange={(e) => setShortcode(e.target.value)}>
          {payable.map((s) => (
            <option key={s.shortcode} value={s.shortcode}>
              {s.shortcode} {s.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-amount`}>Amount (Ksh)</label>
        <input
          id={`${id}-amount`}
          type="number"
          min="1"
          step="1"
          required
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
        <label htmlFor={`${id}-reference`}>Account reference</label>
        <input id={`${id}-reference`} value={reference} onChange={(e) => setReference(e.target.value)} />
        {kind === 'stk' && (
          <>
            <label htmlFor={`${id}-callback`}>CallBackURL</label>
            <input
              id={`${id}-callback`}
              type="url"
              required
              value={callbackUrl}
              onChange={(e) => setCallbackUrl(e.target.value)}
            />
            <label htmlFor={`${id}-passkey`}>Passkey</label>
            <input
              id={`${id}-passkey`}
              required
              value={passkey}
              onChange={(e) => setPasskey(e.target.value)}
            />
          </>
        )}
      </div>
      {/* The Timestamp is the emulator's time, known once its clock has been read. */}
      <button type="submit" disabled={busy || (kind === 'stk' && now === undefined)}>
        {kind === 'stk' ? 'Send STK push' : 'Pay'}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
