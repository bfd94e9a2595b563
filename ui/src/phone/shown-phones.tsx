import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { useLiveEvent } from '../live/use-live';
import { useWorld } from '../world/world-context';
import { useShownPhones } from './use-shown-phones';

export interface ShownPhones {
  shown: string[];
  show: (msisdn: string) => void;
  hide: (msisdn: string) => void;
  /** SMS received by phones that are not on screen, per phone, since they were last shown. */
  unread: Record<string, number>;
}

const ShownPhonesContext = createContext<ShownPhones | undefined>(undefined);

/** Which phones are on screen, shared by the phones pane and the ringing bar that brings one up. */
export function ShownPhonesProvider({ children }: { children: ReactNode }) {
  const { customers } = useWorld();
  const { shown, show: showPhone, hide } = useShownPhones(customers);
  const [unread, setUnread] = useState<Record<string, number>>({});
  useLiveEvent((event) => {
    if (event.type === 'reset') setUnread({});
    if (event.type !== 'sms' || shown.includes(event.sms.msisdn)) return;
    const { msisdn } = event.sms;
    setUnread((counts) => ({ ...counts, [msisdn]: (counts[msisdn] ?? 0) + 1 }));
  });
  const value = useMemo<ShownPhones>(
    () => ({
      shown,
      hide,
      unread,
      show: (msisdn) => {
        showPhone(msisdn);
        setUnread(({ [msisdn]: _read, ...rest }) => rest);
      },
    }),
    [shown, hide, unread, showPhone],
  );
  return <ShownPhonesContext.Provider value={value}>{children}</ShownPhonesContext.Provider>;
}

export function useShown(): ShownPhones {
  const shown = useContext(ShownPhonesContext);
  if (!shown) throw new Error('useShown needs a <ShownPhonesProvider>');
  return shown;
}
