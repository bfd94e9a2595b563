import type { CustomerView } from 'daraja-client/emulator';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../api/control-error';
import { useApi } from '../api/use-api';
import { formatMsisdn, toMsisdn } from '../common/format';
import { useWorld } from '../world/world-context';

interface Props {
  /** Customers without a phone on screen. */
  available: CustomerView[];
  onShow: (msisdn: string) => void;
}

/** Puts another phone on screen: an existing customer's, or a new customer's with a number, name, PIN and balance. */
export function AddPhoneForm({ available, onShow }: Props) {
  const api = useApi();
  const { upsertCustomer } = useWorld();
  const id = useId();
  const [pick, setPick] = useState('');
  const [number, setNumber] = useState('');
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [balance, setBalance] = useState('1000');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  function show(event: FormEvent) {
    event.preventDefault();
    const chosen = pick || available[0]?.msisdn;
    if (chosen) onShow(chosen);
    setPick('');
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const customer = await api.addCustomer({
        msisdn: toMsisdn(number),
        name,
        pin,
        balance: Number(balance),
      });
      upsertCustomer(customer);
      onShow(customer.msisdn);
      setNumber('');
      setName('');
      setPin('');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    // Collapsed by default: on a narrow screen the form would otherwise push the phones off the first view.
    <details className="add-phone">
      <summary>Add a phone</summary>
      {available.length > 0 && (
        <form onSubmit={show} className="inline-form">
          <label htmlFor={`${id}-pick`}>Customer</label>
          <select id={`${id}-pick`} value={pick} onChange={(e) => setPick(e.target.value)}>
            {available.map((c) => (
              <option key={c.msisdn} value={c.msisdn}>
                {c.name} ({formatMsisdn(c.msisdn)})
              </option>
            ))}
          </select>
          <button type="submit">Show phone</button>
        </form>
      )}
      <form onSubmit={create} className="stacked-form" aria-label="New customer">
        <label htmlFor={`${id}-number`}>Phone number</label>
        <input
          id={`${id}-number`}
          type="tel"
          required
          pattern="\+?[0-9 ]{9,16}"
          title="A Kenyan mobile number, e.g. 0712 345 678"
          placeholder="0712 345 678"
          value={number}
          onChange={(e) => setNumber(e.target.value)}
        />
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor={`${id}-pin`}>PIN</label>
        <input
          id={`${id}-pin`}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          required
          pattern="[0-9]{4}"
          title="Four digits"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
        />
        <label htmlFor={`${id}-balance`}>Balance (Ksh)</label>
        <input
          id={`${id}-balance`}
          type="number"
          min="0"
          step="1"
          required
          value={balance}
          onChange={(e) => setBalance(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          Add customer
        </button>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}
