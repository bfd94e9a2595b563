/** One choice of a list filter: a labelled select whose first option, "Any", clears it. */
export interface FilterOption {
  value: string;
  label: string;
}

interface Props {
  id: string;
  label: string;
  value: string | undefined;
  /** Plain strings are their own label. */
  options: readonly (string | FilterOption)[];
  onChange: (value: string) => void;
}

export function FilterSelect({ id, label, value, options, onChange }: Props) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">Any</option>
        {options.map((o) =>
          typeof o === 'string' ? (
            <option key={o}>{o}</option>
          ) : (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ),
        )}
      </select>
    </div>
  );
}
