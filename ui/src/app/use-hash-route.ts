import { useEffect, useState } from 'react';

export type View =
  'phones' | 'transactions' | 'journal' | 'deliveries' | 'faults' | 'businesses' | 'settings' | 'conformance';

export interface Route {
  view: View;
  /** `#/transactions/<id>`: the transaction whose story is open (or the delivery shown in detail). */
  id?: string;
  /** `#/transactions?q=…`: what the list is searched for. */
  q?: string;
}

const views: readonly View[] = [
  'phones',
  'transactions',
  'journal',
  'deliveries',
  'faults',
  'businesses',
  'settings',
  'conformance',
];

/** `#/transactions/ws_CO_…` → { view: 'transactions', id }. Hash routes need no server support for deep links. */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const [first = '', ...rest] = path.split('/');
  const view = views.find((v) => v === first) ?? 'transactions';
  const id = rest.length > 0 ? decodeURIComponent(rest.join('/')) : undefined;
  const q = new URLSearchParams(search).get('q') ?? undefined;
  return { view, ...(id ? { id } : {}), ...(q ? { q } : {}) };
}

export function routeHref(view: View, id?: string, q?: string): string {
  const base = id ? `#/${view}/${encodeURIComponent(id)}` : `#/${view}`;
  return q ? `${base}?${new URLSearchParams({ q }).toString()}` : base;
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
