import type { ClockView, CustomerView, ShortcodeView } from 'daraja-client/emulator';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '../api/use-api';
import { useLiveEvent } from '../live/use-live';
import { usePendingPrompts } from '../phone/use-pending-prompts';
import { useLiveList } from '../live/use-live-list';
import { type ClockReading, type World, WorldContext } from './world-context';

export function WorldProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const customers = useLiveList<CustomerView>(
    {
      load: api.customers,
      key: (customer) => customer.msisdn,
      pick: (event) => (event.type === 'customer' ? event.customer : undefined),
    },
    [api],
  );
  const shortcodes = useLiveList<ShortcodeView>(
    {
      load: api.shortcodes,
      key: (shortcode) => shortcode.shortcode,
      pick: (event) => (event.type === 'shortcode' ? event.shortcode : undefined),
    },
    [api],
  );
  const prompts = usePendingPrompts('stk');
  const checkouts = usePendingPrompts('b2b-express-checkout');
  const ringing = useMemo(() => {
    const offline = new Set(customers.items.filter((c) => c.offline).map((c) => c.msisdn));
    return [...prompts.items, ...checkouts.items]
      .filter((t) => !offline.has(t.phone ?? ''))
      .sort((a, b) => a.createdAt - b.createdAt);
  }, [prompts.items, checkouts.items, customers.items]);
  const [clock, setClockReading] = useState<ClockReading>();
  // Answers to GET /clock can overtake live events; an older reading never replaces a newer one. A `hello`
  // is taken whatever it says: it may come from a restarted emulator whose clock began again.
  const setClock = useCallback((view: ClockView) => {
    setClockReading((current) =>
      current && current.view.now > view.now ? current : { view, receivedAt: performance.now() },
    );
  }, []);
  const resetClock = useCallback((view: ClockView) => {
    setClockReading({ view, receivedAt: performance.now() });
  }, []);

  useEffect(() => {
    api.clock().then(setClock, () => undefined);
  }, [api, setClock]);

  // A manual clock's list of scheduled work changes when prompts and callbacks are queued, which sends no
  // clock event; one re-read per burst of transaction or delivery events keeps the list honest.
  const refreshing = useRef(false);
  const manual = clock?.view.kind === 'manual';
  useLiveEvent((event) => {
    if (event.type === 'hello') resetClock(event.clock);
    if (event.type === 'clock') setClock(event.clock);
    if (manual && !refreshing.current && (event.type === 'transaction' || event.type === 'delivery')) {
      refreshing.current = true;
      api
        .clock()
        .then(setClock, () => undefined)
        .finally(() => {
          refreshing.current = false;
        });
    }
  });

  const world = useMemo<World>(
    () => ({
      customers: customers.items,
      shortcodes: shortcodes.items,
      clock,
      ringing,
      upsertCustomer: customers.upsert,
      setClock,
    }),
    [customers.items, shortcodes.items, clock, ringing, customers.upsert, setClock],
  );
  return <WorldContext.Provider value={world}>{children}</WorldContext.Provider>;
}
