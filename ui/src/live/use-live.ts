import type { LiveEvent } from 'daraja-client/emulator';
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { LiveSource, LiveStatus } from './live-socket';

export const LiveContext = createContext<LiveSource | undefined>(undefined);

export function useLiveSource(): LiveSource {
  const source = useContext(LiveContext);
  if (!source) throw new Error('useLiveSource needs a <LiveContext.Provider>');
  return source;
}

/** Calls `handler` with every live event while the component is mounted; the latest handler is always used. */
export function useLiveEvent(handler: (event: LiveEvent) => void): void {
  const source = useLiveSource();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => source.subscribe((event) => latest.current(event)), [source]);
}

/** The socket's connection state, for the header's indicator. */
export function useLiveStatus(): LiveStatus {
  const source = useLiveSource();
  const [status, setStatus] = useState(source.status);
  useEffect(() => {
    setStatus(source.status);
    return source.onStatus(setStatus);
  }, [source]);
  return status;
}
