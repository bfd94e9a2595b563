import type { LiveEvent } from 'daraja-client/emulator';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/control-error';
import { useLiveEvent } from './use-live';

export interface LiveListOptions<T> {
  /** Fetches the list; called on mount, when `deps` change, and after every (re)connect or reset. */
  load: () => Promise<T[]>;
  key: (item: T) => string;
  /** The item an event carries, when it concerns this list. */
  pick: (event: LiveEvent) => T | undefined;
  /** Items that no longer match (a prompt that was answered, a filter) leave the list. */
  keep?: (item: T) => boolean;
  sort?: (a: T, b: T) => number;
  limit?: number;
}

export interface LiveList<T> {
  items: T[];
  loading: boolean;
  error: string | undefined;
  reload: () => void;
  /** Puts an item the UI got from a call (e.g. an accept) into the list before its event arrives. */
  upsert: (item: T) => void;
}

/** A list fetched from the control API and kept current by live events. */
export function useLiveList<T>(options: LiveListOptions<T>, deps: readonly unknown[]): LiveList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const opts = useRef(options);
  const generation = useRef(0);
  // Events that arrive while a load is in flight are newer than its answer; they are replayed over it.
  const pendingEvents = useRef<T[]>([]);
  const inFlight = useRef(false);
  useEffect(() => {
    opts.current = options;
  });

  const apply = useCallback((list: T[], incoming: T[]): T[] => {
    const { key, keep, sort, limit } = opts.current;
    const byKey = new Map(list.map((item) => [key(item), item]));
    for (const item of incoming) byKey.set(key(item), item);
    let next = [...byKey.values()];
    if (keep) next = next.filter(keep);
    if (sort) next.sort(sort);
    return limit === undefined ? next : next.slice(0, limit);
  }, []);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    pendingEvents.current = [];
    inFlight.current = true;
    setLoading(true);
    opts.current.load().then(
      (loaded) => {
        if (mine !== generation.current) return;
        inFlight.current = false;
        setItems(apply([], [...loaded, ...pendingEvents.current]));
        pendingEvents.current = [];
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        inFlight.current = false;
        setError(errorMessage(failure));
        setLoading(false);
      },
    );
  }, [apply]);

  // The caller names what the load depends on (a filter, an id), like a hook's dependency list.
  useEffect(reload, [reload, ...deps]);

  const upsert = useCallback((item: T) => setItems((list) => apply(list, [item])), [apply]);

  useLiveEvent((event) => {
    if (event.type === 'hello' || event.type === 'reset') {
      // After a reconnect or a reset, events may have been missed: fetch the truth again.
      reload();
      return;
    }
    const item = opts.current.pick(event);
    if (item === undefined) return;
    if (inFlight.current) pendingEvents.current.push(item);
    upsert(item);
  });

  return { items, loading, error, reload, upsert };
}
