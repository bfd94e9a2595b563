import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

/** A QR code the dashboard asked a phone to scan; `seq` tells two scans of one code apart. */
export interface ScanRequest {
  text: string;
  seq: number;
}

interface ScanRequests {
  requests: Record<string, ScanRequest>;
  /** Puts the code in front of the phone's camera. */
  scanOn: (msisdn: string, text: string) => void;
  /** The phone has read it. */
  done: (msisdn: string) => void;
}

const ScanRequestsContext = createContext<ScanRequests | undefined>(undefined);

/** Carries "scan this code" from the dashboard's QR codes to the phones. */
export function ScanRequestsProvider({ children }: { children: ReactNode }) {
  const [requests, setRequests] = useState<Record<string, ScanRequest>>({});
  const scanOn = useCallback((msisdn: string, text: string) => {
    setRequests((all) => ({ ...all, [msisdn]: { text, seq: (all[msisdn]?.seq ?? 0) + 1 } }));
  }, []);
  const done = useCallback((msisdn: string) => {
    setRequests(({ [msisdn]: _done, ...rest }) => rest);
  }, []);
  const value = useMemo(() => ({ requests, scanOn, done }), [requests, scanOn, done]);
  return <ScanRequestsContext.Provider value={value}>{children}</ScanRequestsContext.Provider>;
}

/** The scan requests; outside a provider (a phone rendered alone) there are none. */
export function useScanRequests(): ScanRequests {
  return (
    useContext(ScanRequestsContext) ?? {
      requests: {},
      scanOn: () => undefined,
      done: () => undefined,
    }
  );
}
