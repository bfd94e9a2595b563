import type { DeliveryFilter, DeliveryKind, DeliveryStatus, DeliveryView } from 'daraja-client/emulator';
import { useId } from 'react';

const kinds: DeliveryKind[] = [
  'stk-callback',
  'result',
  'queue-timeout',
  'c2b-validation',
  'c2b-confirmation',
];
const statuses: DeliveryStatus[] = ['scheduled', 'delivering', 'delivered', 'failed', 'cancelled'];

interface Props {
  filter: DeliveryFilter;
  onChange: (filter: DeliveryFilter) => void;
}

/** Narrows the callback list by status, kind and transaction. */
export function DeliveryFilters({ filter, onChange }: Props) {
  const id = useId();
  const set = (key: keyof DeliveryFilter, value: string) =>
    onChange({ ...filter, [key]: value.trim() || undefined });
  return (
    <>
      <div>
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={filter.status ?? ''}
          onChange={(e) => set('status', e.target.value)}
        >
          <option value="">Any</option>
          {statuses.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select id={`${id}-kind`} value={filter.kind ?? ''} onChange={(e) => set('kind', e.target.value)}>
          <option value="">Any</option>
          {kinds.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-tx`}>Transaction</label>
        <input
          id={`${id}-tx`}
          value={filter.transactionId ?? ''}
          placeholder="CheckoutRequestID…"
          onChange={(e) => set('transactionId', e.target.value)}
        />
      </div>
    </>
  );
}

/** The emulator's delivery filter, repeated for live events. */
export function matchesDelivery(d: DeliveryView, f: DeliveryFilter, q: string | undefined): boolean {
  const needle = q?.toLowerCase();
  return (
    (!f.status || d.status === f.status) &&
    (!f.kind || d.kind === f.kind) &&
    (!f.transactionId || d.transactionId === f.transactionId) &&
    (!needle || [d.id, d.transactionId, d.url].some((t) => t?.toLowerCase().includes(needle)))
  );
}
