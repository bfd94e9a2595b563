import { useId } from 'react';

interface Props {
  label: string;
  value: number;
  onChange: (value: number) => void;
  unit?: string;
  min?: number;
}

/** A labelled whole-number input for a setting. */
export function NumberField({ label, value, onChange, unit, min = 0 }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {unit && <span className="muted"> ({unit})</span>}
      </label>
      <input
        id={id}
        type="number"
        min={min}
        step="1"
        required
        value={Number.isFinite(value) ? value : ''}
        onChange={(e) => onChange(e.target.valueAsNumber)}
      />
    </div>
  );
}
