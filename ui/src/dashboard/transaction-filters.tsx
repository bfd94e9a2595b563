import {
  TRANSACTION_STATUSES as statuses,
  TRANSACTION_TYPES as types,
  type TransactionFilter,
} from 'daraja-client/emulator';
import { useId } from 'react';
import { FilterSelect } from '../common/filter-select';
import { useWorld } from '../world/world-context';

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
      <FilterSelect
        id={`${id}-phone`}
        label="Phone"
        value={filter.phone}
        options={customers.map((c) => ({ value: c.msisdn, label: `${c.msisdn} ${c.name}` }))}
        onChange={(v) => set('phone', v)}
      />
      <FilterSelect
        id={`${id}-shortcode`}
        label="Shortcode"
        value={filter.shortcode}
        options={shortcodes.map((s) => ({ value: s.shortcode, label: `${s.shortcode} ${s.name}` }))}
        onChange={(v) => set('shortcode', v)}
      />
      <FilterSelect
        id={`${id}-type`}
        label="Type"
        value={filter.type}
        options={types}
        onChange={(v) => set('type', v)}
      />
      <FilterSelect
        id={`${id}-status`}
        label="Status"
        value={filter.status}
        options={statuses}
        onChange={(v) => set('status', v)}
      />
    </form>
  );
}
