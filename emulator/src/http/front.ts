import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { acceptAbsoluteForm } from './absolute-form.js';
import { isDarajaTraffic } from './endpoint-key.js';
import type { DarajaGateway } from './gateway.js';

/** Control-API and UI requests, which are not Daraja traffic (they are served by Express and not journaled). */
export function isEmulatorOwn(req: IncomingMessage): boolean {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return !isDarajaTraffic(req.method, q === -1 ? url : url.slice(0, q));
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
