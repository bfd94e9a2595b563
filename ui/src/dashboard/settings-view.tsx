import type { Settings } from 'daraja-client/emulator';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { errorMessage } from '../api/control-error';
import { useApi } from '../api/use-api';
import { useLiveEvent } from '../live/use-live';
import { ClockControls } from './clock-controls';
import { HttpAndIdSettings, OauthSettings } from './settings/api-settings';
import { C2bSettings } from './settings/c2b-settings';
import { BillManagerSettings, RatibaSettings } from './settings/ratiba-bill-settings';
import { CallbackSettings } from './settings/callback-settings';
import { B2cSettings, InitiatorSettings, SecuritySettings } from './settings/initiator-settings';
import { settingsPatch } from './settings/settings-patch';
import { StkSettings } from './settings/stk-settings';
import { TrafficSettings } from './settings/traffic-settings';

/** The runtime behaviour a developer changes while testing, every section in one form saved by one PATCH. */
export function SettingsView() {
  const api = useApi();
  const id = useId();
  const [saved, setSaved] = useState<Settings>();
  const [draft, setDraft] = useState<Settings>();
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string }>();
  const patch = saved && draft ? settingsPatch(saved, draft) : {};
  const dirty = Object.keys(patch).length > 0;

  function take(settings: Settings) {
    setSaved(settings);
    setDraft(settings);
  }

  const [loads, setLoads] = useState(0);
  useEffect(() => {
    api.settings().then(
      (settings) => {
        take(settings);
        setStatus((current) => (current?.tone === 'error' ? undefined : current));
      },
      (error: unknown) => setStatus({ tone: 'error', text: errorMessage(error) }),
    );
  }, [api, loads]);

  // Someone else changed them (a test, another tab): follow, unless this form has unsaved edits. After a
  // reconnect (perhaps to a restarted emulator) or a reset, read them again.
  useLiveEvent((event) => {
    if (event.type === 'settings' && !dirty) take(event.settings);
    if ((event.type === 'hello' || event.type === 'reset') && !dirty) setLoads((n) => n + 1);
  });

  if (!saved || !draft) {
    return (
      <section aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Settings</h2>
        <ClockControls />
        {status && <p className="error">{status.text}</p>}
      </section>
    );
  }

  function edit<K extends keyof Settings>(section: K) {
    return (change: Partial<Settings[K]>) =>
      setDraft((current) => current && { ...current, [section]: { ...current[section], ...change } });
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      take(await api.patchSettings(patch));
      setStatus({ tone: 'ok', text: 'Saved.' });
    } catch (error) {
      // The emulator names the setting it refused; the edits stay so they can be fixed.
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Settings</h2>
      <ClockControls />
      <form className="card settings" onSubmit={save} aria-label="Settings">
        <StkSettings value={draft.stk} onChange={edit('stk')} />
        <CallbackSettings value={draft.callbacks} onChange={edit('callbacks')} />
        <TrafficSettings
          magic={draft.magic}
          rateLimit={draft.rateLimit}
          onMagic={edit('magic')}
          onRateLimit={edit('rateLimit')}
        />
        <C2bSettings value={draft.c2b} onChange={edit('c2b')} />
        <RatibaSettings value={draft.ratiba} onChange={edit('ratiba')} />
        <BillManagerSettings value={draft.billManager} onChange={edit('billManager')} />
        <InitiatorSettings value={draft.initiator} onChange={edit('initiator')} />
        <B2cSettings value={draft.b2c} onChange={edit('b2c')} />
        <SecuritySettings value={draft.security} onChange={edit('security')} />
        <OauthSettings value={draft.oauth} onChange={edit('oauth')} />
        <HttpAndIdSettings http={draft.http} ids={draft.ids} onHttp={edit('http')} onIds={edit('ids')} />
        <div className="form-actions sticky-actions">
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
