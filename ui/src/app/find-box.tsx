import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../api/control-error';
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
      // Searches answer 200 with what matches (nothing is a 404): an exact id opens its page, anything
      // else lists the transactions that contain it.
      const { items } = await api.transactions({ q: key, limit: 2 });
      const exact = items.find((t) =>
        [t.id, t.merchantRequestId, t.receipt, t.conversationId, t.originatorConversationId].includes(key),
      );
      if (exact) {
        location.hash = routeHref('transactions', exact.id);
        return;
      }
      if (items.length === 0) {
        const deliveries = await api.deliveries({ q: key, limit: 1 });
        const delivery = deliveries.items.find((d) => d.id === key);
        if (delivery) {
          location.hash = routeHref('deliveries', delivery.id);
          return;
        }
      }
      location.hash = routeHref('transactions', undefined, key);
    } catch (failure) {
      setError(errorMessage(failure));
    }
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
