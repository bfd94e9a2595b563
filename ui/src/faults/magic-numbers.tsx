import type { MagicPhone } from 'daraja-client/emulator';
import { useEffect, useId, useState } from 'react';
import { errorMessage } from '../api/control-error';
import { useApi } from '../api/use-api';
import { useLiveEvent } from '../live/use-live';

/** Phone numbers with a fixed STK outcome, and the `magic.enabled` switch. */
export function MagicNumbers() {
  const api = useApi();
  const id = useId();
  const [phones, setPhones] = useState<MagicPhone[]>([]);
  const [enabled, setEnabled] = useState<boolean>();
  const [error, setError] = useState<string>();
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    api.magic().then(
      (magic) => {
        if (!live) return;
        setPhones(magic.phones);
        setEnabled(magic.enabled);
      },
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [api, reloads]);

  useLiveEvent((event) => {
    if (event.type === 'settings') setEnabled(event.settings.magic.enabled);
    if (event.type === 'hello' || event.type === 'reset') setReloads((n) => n + 1);
  });

  async function toggle(next: boolean) {
    setError(undefined);
    try {
      setEnabled((await api.patchSettings({ magic: { enabled: next } })).magic.enabled);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Magic phone numbers</h3>
      <p className="muted">
        Push to one of these and the prompt ends the same way every time, with no rule. A fault rule that
        decides the prompt wins over them.
      </p>
      {enabled !== undefined && (
        <label className="checkbox">
          <input type="checkbox" checked={enabled} onChange={(e) => void toggle(e.target.checked)} />
          Magic numbers decide STK outcomes
        </label>
      )}
      {error && <p className="error">{error}</p>}
      {phones.length > 0 && (
        <table className={`magic-table${enabled === false ? ' off' : ''}`}>
          <thead>
            <tr>
              <th scope="col">PhoneNumber</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {phones.map((p) => (
              <tr key={p.phone}>
                <td>
                  <code>{p.phone}</code>
                </td>
                <td>{p.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
