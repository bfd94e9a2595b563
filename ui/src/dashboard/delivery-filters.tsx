import type { DeliveryFilter, DeliveryKind, DeliveryStatus } from 'daraja-client/emulator';
import { useId } from 'react';
import { FilterSelect } from '../common/filter-select';

const kinds: DeliveryKind[] = [
  'stk-callback',
  'result',
  'queue-timeout',
  'c2b-validation',
  'c2b-confirmation',
  'express-checkout-callback',
  'ratiba-callback',
  'bill-payment',
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
      <FilterSelect
        id={`${id}-status`}
        label="Status"
        value={filter.status}
        options={statuses}
        onChange={(v) => set('status', v)}
      />
      <FilterSelect
        id={`${id}-kind`}
        label="Kind"
        value={filter.kind}
        options={kinds}
        onChange={(v) => set('kind', v)}
      />
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
