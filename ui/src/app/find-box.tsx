import { type FormEvent, useId, useState } from 'react';
import { ControlError, errorMessage } from '../api/control-error';
import { useApi } from '../api/use-api';
import { toMsisdn } from '../common/format';
import { routeHref } from './use-hash-route';

/**
 * One box for any id a developer has in hand: a CheckoutRequestID, MerchantRequestID, receipt or
 * ConversationID opens that transaction's story; a delivery id opens the callback; anything else (a phone
 * number, an account reference, part of an id) lists the transactions that contain it.
 */
export function FindBox() {
  const api = useApi();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();

  async function find(event: FormEvent) {
    event.preventDefault();
    // A phone number typed the Kenyan way (0708…, +254 708…) is searched as the emulator stores it.
    const key = /^\+?[\d ]{9,}$/.test(text.trim()) ? toMsisdn(text) : text.trim();
    if (!key) return;
    setError(undefined);
    try {
      const t = await api.transaction(key);
      location.hash = routeHref('transactions', t.id);
      return;
    } catch (failure) {
      if (!(failure instanceof ControlError && failure.notFound)) {
        setError(errorMessage(failure));
        return;
      }
    }
    const delivery = await api.delivery(key).catch(() => undefined);
    location.hash = delivery
      ? routeHref('deliveries', delivery.id)
      : routeHref('transactions', undefined, key);
  }

  return (
    <form className="find-box" role="search" onSubmit={(e) => void find(e)}>
      <label htmlFor={id} className="visually-hidden">
        Find by id, receipt, phone or reference
      </label>
      <input
        id={id}
        type="search"
        placeholder="Paste an id, receipt, phone…"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="secondary small">
        Find
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
