import type { Settings } from 'daraja-client/emulator';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { errorMessage } from '../api/control-error';
import { useApi } from '../api/use-api';
import { useLiveEvent } from '../live/use-live';
import { ClockControls } from './clock-controls';
import { NumberField } from './number-field';
import { PhoneOutcomesEditor } from './phone-outcomes-editor';
import { outcomeLabel, parseOutcome, stkOutcomes } from './stk-outcomes';

type Stk = Settings['stk'];
type Callbacks = Settings['callbacks'];

/** The runtime behaviour a developer changes while testing: how prompts are answered, delays, query mode. */
export function SettingsView() {
  const api = useApi();
  const id = useId();
  const [saved, setSaved] = useState<Settings>();
  const [stk, setStk] = useState<Stk>();
  const [callbacks, setCallbacks] = useState<Callbacks>();
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string }>();

  function take(settings: Settings) {
    setSaved(settings);
    setStk(settings.stk);
    setCallbacks(settings.callbacks);
    setDirty(false);
  }

  useEffect(() => {
    api.settings().then(take, (error: unknown) => setStatus({ tone: 'error', text: errorMessage(error) }));
  }, [api]);

  // Someone else changed them (a test, another tab): follow, unless this form has unsaved edits.
  useLiveEvent((event) => {
    if (event.type === 'settings' && !dirty) take(event.settings);
  });

  if (!saved || !stk || !callbacks) {
    return (
      <section aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Settings</h2>
        <ClockControls />
        {status && <p className="error">{status.text}</p>}
      </section>
    );
  }

  const editStk = (patch: Partial<Stk>) => {
    setStk({ ...stk, ...patch });
    setDirty(true);
  };
  const editCallbacks = (patch: Partial<Callbacks>) => {
    setCallbacks({ ...callbacks, ...patch });
    setDirty(true);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!stk || !callbacks) return;
    try {
      take(await api.patchSettings({ stk, callbacks }));
      setStatus({ tone: 'ok', text: 'Saved.' });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Settings</h2>
      <ClockControls />
      <form className="card settings" onSubmit={save} aria-label="Settings">
        <fieldset>
          <legend>STK push</legend>
          <div className="field">
            <label htmlFor={`${id}-outcome`}>When a prompt arrives</label>
            <select
              id={`${id}-outcome`}
              value={String(stk.defaultOutcome)}
              onChange={(e) => editStk({ defaultOutcome: parseOutcome(e.target.value) })}
            >
              {typeof stk.defaultOutcome === 'number' && (
                <option value={stk.defaultOutcome}>{outcomeLabel(stk.defaultOutcome)}</option>
              )}
              {stkOutcomes.map((o) => (
                <option key={o} value={o}>
                  {outcomeLabel(o)}
                </option>
              ))}
            </select>
          </div>
          <PhoneOutcomesEditor
            value={stk.phoneOutcomes}
            onChange={(phoneOutcomes) => editStk({ phoneOutcomes })}
          />
          <NumberField
            label="PIN timeout"
            unit="ms"
            min={1}
            value={stk.pinTimeoutMs}
            onChange={(pinTimeoutMs) => editStk({ pinTimeoutMs })}
          />
          <NumberField
            label="Delay before an automatic answer"
            unit="ms"
            value={stk.decisionDelayMs}
            onChange={(decisionDelayMs) => editStk({ decisionDelayMs })}
          />
          <NumberField
            label="Delay before the callback"
            unit="ms"
            value={stk.callbackDelayMs}
            onChange={(callbackDelayMs) => editStk({ callbackDelayMs })}
          />
          <div className="field">
            <label htmlFor={`${id}-query`}>STK query while pending</label>
            <select
              id={`${id}-query`}
              value={stk.queryPending}
              onChange={(e) => editStk({ queryPending: e.target.value === 'legacy' ? 'legacy' : 'current' })}
            >
              <option value="current">Current: 200 with ResultCode 4999</option>
              <option value="legacy">Legacy: 500.001.1001 “being processed”</option>
            </select>
          </div>
        </fieldset>
        <fieldset>
          <legend>Callbacks</legend>
          <NumberField
            label="Retries"
            value={callbacks.retries}
            onChange={(retries) => editCallbacks({ retries })}
          />
          <NumberField
            label="Delay between retries"
            unit="ms"
            value={callbacks.retryDelayMs}
            onChange={(retryDelayMs) => editCallbacks({ retryDelayMs })}
          />
          <NumberField
            label="Request timeout"
            unit="ms"
            min={1}
            value={callbacks.timeoutMs}
            onChange={(timeoutMs) => editCallbacks({ timeoutMs })}
          />
        </fieldset>
        <div className="form-actions">
          <button type="button" className="secondary" disabled={!dirty} onClick={() => take(saved)}>
            Discard changes
          </button>
          <button type="submit" disabled={!dirty}>
            Save settings
          </button>
        </div>
        {status && (
          <p role="status" className={`notice ${status.tone}`}>
            {status.text}
          </p>
        )}
      </form>
    </section>
  );
}
