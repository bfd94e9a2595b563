import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { acceptAbsoluteForm } from './absolute-form.js';
import { isDarajaTraffic } from './endpoint-key.js';
import type { DarajaGateway } from './gateway.js';
import type { HostAllowList } from './host-allow-list.js';
import { DarajaError } from './daraja-error.js';
import { DarajaErrors } from 'daraja-client/wire';
import type { ControlErrorBody } from 'daraja-client/emulator';

/** Control-API and UI requests, which are not Daraja traffic (they are served by Express and not journaled). */
export function isEmulatorOwn(req: IncomingMessage): boolean {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return !isDarajaTraffic(req.method, q === -1 ? url : url.slice(0, q));
}

/**
 * The emulator's one request listener: a request addressed to a host name not on the allow-list is
 * refused; the control API and the UI go to the Express app, everything else to the Daraja gateway (which
 * answers unknown paths as Daraja does).
 */
export function frontDoor(
  app: (req: IncomingMessage, res: ServerResponse) => void,
  gateway: DarajaGateway,
  hosts: HostAllowList,
): RequestListener {
  return (req, res) => {
    acceptAbsoluteForm(req);
    const own = isEmulatorOwn(req);
    if (!hosts.allows(req.headers.host)) return refuseHost(req, res, own, gateway);
    if (own) app(req, res);
    else gateway.handle(req, res);
  };
}

function refuseHost(req: IncomingMessage, res: ServerResponse, own: boolean, gateway: DarajaGateway): void {
  const message =
    `Requests addressed to "${req.headers.host ?? ''}" are refused: the emulator answers its own names and ` +
    'addresses only (a page on another site could otherwise reach it through DNS). Add the name with --allowed-host.';
  if (!own) return gateway.failed(req, res, new DarajaError(DarajaErrors.badRequest, message));
  const body: ControlErrorBody = { error: { code: 'host_not_allowed', message } };
  res.writeHead(403, { 'Content-Type': 'application/json; charset=utf-8', Connection: 'close' });
  res.end(JSON.stringify(body));
}
