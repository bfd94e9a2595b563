import { useEffect, useState } from 'react';
import type { C2bRegistrationView } from 'daraja-client/emulator';
import { ControlError, errorMessage } from '../api/control-error';
import { useApi } from '../api/use-api';
import { useLiveEvent } from '../live/use-live';
import { useWorld } from '../world/world-context';
import { BusinessCard } from './business-card';
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
        {shortcodes.map((s) => (
          <BusinessCard
            key={s.shortcode}
            shortcode={s}
            registrations={registrations.filter((r) => r.shortcode === s.shortcode)}
            note={note}
          />
        ))}
        <OperatorAccount />
      </div>
      {note && <p className="muted">{note}</p>}
    </section>
  );
}
