import type { ClockView, CustomerView, ShortcodeView } from 'daraja-client/emulator';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useApi } from '../api/use-api';
import { useLiveEvent } from '../live/use-live';
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
  const [clock, setClockReading] = useState<ClockReading>();
  const setClock = useCallback((view: ClockView) => {
    setClockReading({ view, receivedAt: performance.now() });
  }, []);

  useEffect(() => {
    api.clock().then(setClock, () => undefined);
  }, [api, setClock]);

  useLiveEvent((event) => {
    if (event.type === 'hello' || event.type === 'clock') setClock(event.clock);
  });

  const world = useMemo<World>(
    () => ({
      customers: customers.items,
      shortcodes: shortcodes.items,
      clock,
      upsertCustomer: customers.upsert,
      setClock,
    }),
    [customers.items, shortcodes.items, clock, customers.upsert, setClock],
  );
  return <WorldContext.Provider value={world}>{children}</WorldContext.Provider>;
}
