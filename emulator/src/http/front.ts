import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { DarajaPaths } from 'daraja-client/wire';
import { CONTROL_PREFIX } from 'daraja-client/emulator';
import { acceptAbsoluteForm } from './absolute-form.js';
import { routeKey } from './exchange.js';
import type { DarajaGateway } from './gateway.js';

/** Control-API and UI requests, which are not Daraja traffic (they are served by Express and not journaled). */
export function isEmulatorOwn(req: IncomingMessage): boolean {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = routeKey(q === -1 ? url : url.slice(0, q));
  if (path.startsWith(CONTROL_PREFIX)) return true;
  const read = req.method === 'GET' || req.method === 'HEAD';
  return read && path !== DarajaPaths.oauth && !path.startsWith('/mpesa');
}

/**
 * The emulator's one request listener: the control API and the UI go to the Express app, everything else
 * to the Daraja gateway (which answers unknown paths as Daraja does).
 */
export function frontDoor(
  app: (req: IncomingMessage, res: ServerResponse) => void,
  gateway: DarajaGateway,
): RequestListener {
  return (req, res) => {
    acceptAbsoluteForm(req);
    if (isEmulatorOwn(req)) app(req, res);
    else gateway.handle(req, res);
  };
}
