import { useId, useState } from 'react';

interface Hinted {
  label: string;
  /** A sentence under the field: what the value changes, or Daraja's own value. */
  hint?: string;
}

function Hint({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <small id={id} className="muted">
      {text}
    </small>
  ) : null;
}

/** A labelled select over a fixed list of values, each with its own label. */
export function ChoiceField<T extends string>({
  label,
  hint,
  value,
  options,
  onChange,
}: Hinted & { value: T; options: readonly (readonly [T, string])[]; onChange: (value: T) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          const picked = options.find(([v]) => v === e.target.value);
          if (picked) onChange(picked[0]);
        }}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      <Hint id={`${id}-hint`} text={hint} />
    </div>
  );
}

/** A labelled on/off setting. */
export function CheckField({
  label,
  hint,
  value,
  onChange,
}: Hinted & { value: boolean; onChange: (value: boolean) => void }) {
  const id = useId();
  return (
    <div className="field check-field">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
      <Hint id={`${id}-hint`} text={hint} />
    </div>
  );
}

/** A labelled free-text setting (a file path, a result text). */
export function TextField({
  label,
  hint,
  value,
  placeholder,
  onChange,
}: Hinted & { value: string; placeholder?: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        placeholder={placeholder}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <Hint id={`${id}-hint`} text={hint} />
    </div>
  );
}

/**
 * A list setting typed as words separated by commas or spaces. The text is kept as typed while the field
 * has it, so a trailing comma does not vanish under the cursor.
 */
export function ListField({
  label,
  hint,
  value,
  onChange,
}: Hinted & { value: string[]; onChange: (value: string[]) => void }) {
  const shown = value.join(', ');
  const [text, setText] = useState(shown);
  const [prevShown, setPrevShown] = useState(shown);
  // The value changed from outside (saved, discarded, a live update): show it.
  if (shown !== prevShown) {
    setPrevShown(shown);
    if (split(text).join(', ') !== shown) setText(shown);
  }
  return (
    <TextField
      label={label}
      hint={hint}
      value={text}
      onChange={(next) => {
        setText(next);
        const list = split(next);
        setPrevShown(list.join(', '));
        onChange(list);
      }}
    />
  );
}

function split(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
