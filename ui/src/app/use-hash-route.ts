import { useEffect, useState } from 'react';

export type View =
  'phones' | 'transactions' | 'journal' | 'deliveries' | 'faults' | 'businesses' | 'settings' | 'conformance';

export interface Route {
  view: View;
  /** `#/transactions/<id>`: the transaction whose story is open. */
  id?: string;
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
  const [first = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  const view = views.find((v) => v === first) ?? 'transactions';
  const id = rest.length > 0 ? decodeURIComponent(rest.join('/')) : undefined;
  return id ? { view, id } : { view };
}

export function routeHref(view: View, id?: string): string {
  return id ? `#/${view}/${encodeURIComponent(id)}` : `#/${view}`;
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
