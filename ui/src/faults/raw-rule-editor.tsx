import type { FaultRuleInput } from 'daraja-client/emulator';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../api/control-error';

interface Props {
  /** The text to start from (the form's rule, or an example). */
  initial: string;
  onAdd: (rule: FaultRuleInput) => Promise<void>;
  onClose: () => void;
}

/**
 * Any rule docs/faults.md describes, typed as JSON. The emulator checks it: a refusal names the field, and
 * the text stays for fixing.
 */
export function RawRuleEditor({ initial, onAdd, onClose }: Props) {
  const id = useId();
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    let rule: unknown;
    try {
      rule = JSON.parse(text);
    } catch (failure) {
      setError(`Not JSON: ${errorMessage(failure)}`);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      // Sent as typed: the emulator, not the form, is the judge of what a rule may hold.
      await onAdd(rule as FaultRuleInput);
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card fault-form" aria-label="Add a fault rule as JSON" onSubmit={submit}>
      <h3>Add a rule as JSON</h3>
      <div className="field">
        <label htmlFor={`${id}-json`}>Rule (JSON)</label>
        <textarea
          id={`${id}-json`}
          className="json-editor"
          rows={12}
          spellCheck={false}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="notice error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="secondary" onClick={onClose}>
          Back to the form
        </button>
        <button type="submit" disabled={busy}>
          {busy ? 'Adding…' : 'Add rule'}
        </button>
      </div>
    </form>
  );
}
