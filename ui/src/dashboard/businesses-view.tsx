import { useEffect, useState } from 'react';
import type { C2bRegistrationView } from 'daraja-client/emulator';
import { ControlError, errorMessage } from '../api/control-error';
import { useApi } from '../api/use-api';
import { formatBalance, formatDateTime } from '../common/format';
import { useLiveEvent } from '../live/use-live';
import { useWorld } from '../world/world-context';
import { OperatorAccount } from './operator-account';

/** The shortcodes: their balances per account and the C2B URLs apps registered for them. */
export function BusinessesView() {
  const api = useApi();
  const { shortcodes } = useWorld();
  const [registrations, setRegistrations] = useState<C2bRegistrationView[]>([]);
  const [note, setNote] = useState<string>();
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    api.c2bRegistrations().then(
      (list) => {
        if (!live) return;
        setRegistrations(list);
        setNote(undefined);
      },
      (error: unknown) => {
        if (!live) return;
        setNote(
          error instanceof ControlError && error.notFound
            ? 'This emulator does not report C2B registrations (GET /_emulator/c2b/registrations answered 404).'
            : errorMessage(error),
        );
      },
    );
    return () => {
      live = false;
    };
  }, [api, reloads]);

  // Registrations have no event of their own; a register call shows up in the journal.
  useLiveEvent((event) => {
    if (event.type === 'hello' || event.type === 'reset') setReloads((n) => n + 1);
    if (event.type === 'journal' && event.entry.path.includes('registerurl')) setReloads((n) => n + 1);
  });

  return (
    <section aria-labelledby="businesses-title">
      <h2 id="businesses-title">Businesses</h2>
      <div className="cards">
        {shortcodes.map((s) => {
          const urls = registrations.filter((r) => r.shortcode === s.shortcode);
          return (
            <article key={s.shortcode} className="card" aria-label={`${s.name} ${s.shortcode}`}>
              <header className="card-head">
                <strong>{s.name}</strong>
                <span className="badge muted">{s.kind}</span>
                <code>{s.shortcode}</code>
              </header>
              <dl className="facts">
                {Object.entries(s.accounts).map(([account, balance]) => (
                  <div key={account} className="fact">
                    <dt>{account}</dt>
                    <dd>{formatBalance(balance)}</dd>
                  </div>
                ))}
              </dl>
              {urls.map((r) => (
                <div key={r.confirmationUrl + r.version} className="registration">
                  <p>
                    C2B {r.version}, registered {formatDateTime(r.registeredAt)}; {r.responseType} when the
                    validation URL does not answer
                  </p>
                  <p className="url">
                    Confirmation <code>{r.confirmationUrl}</code>
                  </p>
                  {r.validationUrl && (
                    <p className="url">
                      Validation <code>{r.validationUrl}</code>
                    </p>
                  )}
                </div>
              ))}
              {urls.length === 0 && !note && <p className="muted">No C2B URLs registered.</p>}
            </article>
          );
        })}
        <OperatorAccount />
      </div>
      {note && <p className="muted">{note}</p>}
    </section>
  );
}
