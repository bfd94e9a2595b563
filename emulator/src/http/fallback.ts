import { DarajaErrors, DarajaPaths } from 'daraja-client/wire';
import type { Settings } from 'daraja-client/emulator';
import { DarajaError } from './daraja-error.js';
import type { DarajaRoute } from './daraja-route.js';
import { routeKey, type Exchange } from './exchange.js';

const KNOWN = new Map<string, string>(
  Object.values(DarajaPaths).map((p) => [p, p === DarajaPaths.oauth ? 'GET' : 'POST']),
);

/** Whether a route answers this method (HEAD is answered like GET, without a body). */
export function routeTakes(route: DarajaRoute, method: string): boolean {
  return route.method === method || (route.method === 'GET' && method === 'HEAD');
}

/** The error for a request no route took: a wrong method or an unknown path, answered as Daraja does. */
export function unmatched(x: Exchange, settings: Settings): DarajaError {
  const expected = KNOWN.get(routeKey(x.path));
  if (expected && expected !== x.method && !(expected === 'GET' && x.method === 'HEAD')) {
    x.ctx.api = x.path;
    return new DarajaError(
      DarajaErrors.methodNotAllowed(x.method),
      `${x.path} takes ${expected}, not ${x.method}.`,
    );
  }
  return new DarajaError(
    DarajaErrors.resourceNotFound,
    expected
      ? `${x.path} is a Daraja path this emulator does not serve yet.`
      : `No Daraja API at ${x.method} ${x.path}; check the path against Daraja's (e.g. ${DarajaPaths.stkPush}).`,
    { emptyBody: settings.http.unknownPath !== 'envelope', status: 404 },
  );
}
