import { useId } from 'react';

interface Props {
  label: string;
  value: number;
  onChange: (value: number) => void;
  unit?: string;
  min?: number;
  /** `any` for shillings with cents; whole numbers otherwise. */
  step?: string;
  /** A sentence under the field: what the value changes, or Daraja's own value. */
  hint?: string;
}

/** A labelled number input for a setting (whole numbers unless `step` says otherwise). */
export function NumberField({ label, value, onChange, unit, min = 0, step = '1', hint }: Props) {
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
        step={step}
        required
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={Number.isFinite(value) ? value : ''}
        onChange={(e) => onChange(e.target.valueAsNumber)}
      />
      {hint && (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      )}
    </div>
  );
}
