import { DarajaErrors, DarajaPaths } from 'daraja-client/wire';
import type { Settings } from 'daraja-client/emulator';
import { DarajaError } from './daraja-error.js';
import type { DarajaRoute } from './daraja-route.js';
import type { Exchange } from './exchange.js';

/** Whether a route answers this method (HEAD is answered like GET, without a body). */
export function routeTakes(route: DarajaRoute, method: string): boolean {
  return route.method === method || (route.method === 'GET' && method === 'HEAD');
}

/**
 * The error for a request no route took: a Daraja path asked with the wrong method (`route` is the one
 * that serves it), or an unknown path, answered as Daraja does.
 */
export function unmatched(
  exchange: Exchange,
  route: DarajaRoute | undefined,
  settings: Settings,
): DarajaError {
  if (route) {
    exchange.ctx.api = exchange.path;
    return new DarajaError(
      DarajaErrors.methodNotAllowed(exchange.method),
      `${exchange.path} takes ${route.method}, not ${exchange.method}.`,
    );
  }
  return new DarajaError(
    DarajaErrors.resourceNotFound,
    `No Daraja API at ${exchange.method} ${exchange.path}; check the path against Daraja's (e.g. ${DarajaPaths.stkPush}).`,
    { emptyBody: settings.http.unknownPath !== 'envelope', status: 404 },
  );
}
