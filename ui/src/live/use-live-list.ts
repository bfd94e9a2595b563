import type { LiveEvent } from 'daraja-client/emulator';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/control-error';
import type { Page } from '../api/control-api';
import { useLiveEvent, useLiveSource } from './use-live';

export interface LiveListOptions<T> {
  /** Fetches the list (or one page with its total); called on mount, when `deps` change, after every (re)connect or reset. */
  load: () => Promise<T[] | Page<T>>;
  key: (item: T) => string;
  /** The item an event carries, when it concerns this list. */
  pick: (event: LiveEvent) => T | undefined;
  /** Items that no longer match (a prompt that was answered, a filter) leave the list. */
  keep?: (item: T) => boolean;
  sort?: (a: T, b: T) => number;
  limit?: number;
  /**
   * Whether `incoming` is at least as new as `current` (two views of one record). Views reach the page by two
   * roads, a call's answer and the live socket, in either order; an older one never replaces a newer one.
   */
  fresher?: (incoming: T, current: T) => boolean;
}

export interface LiveList<T> {
  items: T[];
  /** How many records match in all, when the load said (a page of a longer list); else items.length. */
  total: number;
  loading: boolean;
  error: string | undefined;
  reload: () => void;
  /** Puts an item the UI got from a call (e.g. an accept) into the list, unless the list holds a newer view. */
  upsert: (item: T) => void;
}

interface State<T> {
  items: T[];
  total: number;
}

/** A list fetched from the control API and kept current by live events. */
export function useLiveList<T>(options: LiveListOptions<T>, deps: readonly unknown[]): LiveList<T> {
  const [state, setState] = useState<State<T>>({ items: [], total: 0 });
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

  const apply = useCallback((current: State<T>, incoming: T[]): State<T> => {
    const { key, keep, sort, limit, fresher } = opts.current;
    const byKey = new Map(current.items.map((item) => [key(item), item]));
    let total = current.total;
    for (const item of incoming) {
      const id = key(item);
      const known = byKey.get(id);
      if (known !== undefined && fresher && !fresher(item, known)) continue;
      const kept = !keep || keep(item);
      if (known === undefined && kept) total++;
      if (known !== undefined && !kept) total--;
      byKey.set(id, item);
    }
    let next = [...byKey.values()];
    if (keep) next = next.filter(keep);
    if (sort) next.sort(sort);
    return { items: limit === undefined ? next : next.slice(0, limit), total: Math.max(total, next.length) };
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
        const page = Array.isArray(loaded) ? { items: loaded, total: loaded.length } : loaded;
        setState(apply(page, pendingEvents.current));
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

  // The caller names what the load depends on (a filter, an id), like a hook's dependency list. While the
  // live socket is still connecting (or open with its `hello` on the way), that `hello` brings the first load:
  // fetching now as well would ask twice.
  const source = useLiveSource();
  const loadUnlessConnecting = useCallback(() => {
    if (source.status.state !== 'connecting' && !source.awaitingHello) reload();
  }, [reload, source]);
  useEffect(loadUnlessConnecting, [loadUnlessConnecting, ...deps]);
  // A first connection that fails sends no hello: load anyway, so the list says what went wrong.
  useEffect(
    () =>
      source.onStatus((status) => {
        if (status.state === 'closed' && status.failures === 1) reload();
      }),
    [source, reload],
  );

  const upsert = useCallback((item: T) => setState((current) => apply(current, [item])), [apply]);

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

  return { items: state.items, total: state.total, loading, error, reload, upsert };
}
