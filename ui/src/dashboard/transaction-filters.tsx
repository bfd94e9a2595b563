import type { TransactionFilter, TransactionStatus, TransactionType } from 'daraja-client/emulator';
import { useId } from 'react';
import { useWorld } from '../world/world-context';

const types: TransactionType[] = [
  'stk',
  'c2b',
  'b2c',
  'b2pochi',
  'transaction-status',
  'account-balance',
  'reversal',
];
const statuses: TransactionStatus[] = ['pending', 'completed', 'failed', 'reversed'];

interface Props {
  filter: TransactionFilter;
  onChange: (filter: TransactionFilter) => void;
}

/** Narrows the transaction list by phone, shortcode, type and status. */
export function TransactionFilters({ filter, onChange }: Props) {
  const { customers, shortcodes } = useWorld();
  const id = useId();
  const set = (key: keyof TransactionFilter, value: string) =>
    onChange({ ...filter, [key]: value || undefined });
  return (
    <form className="filters" aria-label="Filter transactions" onSubmit={(e) => e.preventDefault()}>
      <div>
        <label htmlFor={`${id}-phone`}>Phone</label>
        <select id={`${id}-phone`} value={filter.phone ?? ''} onChange={(e) => set('phone', e.target.value)}>
          <option value="">Any</option>
          {customers.map((c) => (
            <option key={c.msisdn} value={c.msisdn}>
              {c.msisdn} {c.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-shortcode`}>Shortcode</label>
        <select
          id={`${id}-shortcode`}
          value={filter.shortcode ?? ''}
          onChange={(e) => set('shortcode', e.target.value)}
        >
          <option value="">Any</option>
          {shortcodes.map((s) => (
            <option key={s.shortcode} value={s.shortcode}>
              {s.shortcode} {s.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-type`}>Type</label>
        <select id={`${id}-type`} value={filter.type ?? ''} onChange={(e) => set('type', e.target.value)}>
          <option value="">Any</option>
          {types.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </div>
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
    </form>
  );
}

/** The same test the emulator applies, so live events can join or leave a filtered list. */
export function matchesFilter(
  t: { type: string; status: string; phone?: string; shortcode: string },
  f: TransactionFilter,
) {
  return (
    (!f.type || t.type === f.type) &&
    (!f.status || t.status === f.status) &&
    (!f.phone || t.phone === f.phone) &&
    (!f.shortcode || t.shortcode === f.shortcode)
  );
}
