import type { ServerResponse } from 'node:http';
import { DarajaErrors, type DarajaErrorTemplate } from 'daraja-client/wire';
import type { FaultErrorName, HttpFaultEffect } from 'daraja-client/emulator';
import { DarajaError } from '../http/daraja-error.js';
import { sendText, type Exchange } from '../http/exchange.js';
import { endpointNamesOfPath } from './endpoints.js';

type Effect<T extends HttpFaultEffect['type']> = Extract<HttpFaultEffect, { type: T }>;

/** Each API answers a bad token with its own code (see the token checks of the API folders). */
function invalidToken(path: string): DarajaErrorTemplate {
  const names = endpointNamesOfPath(path);
  if (names.has('c2b')) return DarajaErrors.invalidAccessTokenC2B;
  if (['b2c', 'b2pochi', 'transaction-status', 'account-balance'].some((n) => names.has(n))) {
    return DarajaErrors.invalidAccessTokenInitiator('');
  }
  return DarajaErrors.invalidAccessToken;
}

const NAMED: Record<Exclude<FaultErrorName, 'invalid-token'>, DarajaErrorTemplate> = {
  'spike-arrest': DarajaErrors.spikeArrest,
  quota: DarajaErrors.quotaViolation,
  'system-busy': DarajaErrors.systemBusy,
  maintenance: DarajaErrors.maintenance,
  'internal-error': DarajaErrors.internalServerError,
  'bad-request': DarajaErrors.badRequest,
  'invalid-payload': DarajaErrors.invalidPayload,
};

/** The Daraja error an `error` effect answers with; a bare code borrows the catalogue's message for it. */
export function faultError(effect: Effect<'error'>, path: string, rule: string): DarajaError {
  let template: DarajaErrorTemplate;
  if (effect.error === 'invalid-token') template = invalidToken(path);
  else if (effect.error) template = NAMED[effect.error];
  else {
    const templates = Object.values(DarajaErrors as Record<string, unknown>).filter(
      (e): e is DarajaErrorTemplate => typeof e === 'object' && e !== null,
    );
    const known = templates.find((e) => e.code === effect.code);
    template = { code: effect.code ?? '500.001.1001', message: known?.message ?? 'Error Occurred' };
  }
  if (effect.message !== undefined) template = { code: template.code, message: effect.message };
  return new DarajaError(
    template,
    `Fault rule "${rule}" answered with ${template.code} "${template.message}" instead of processing the request.`,
    effect.status !== undefined ? { status: effect.status } : {},
  );
}

/** An HTML error page like the ones gateways and load balancers serve (Daraja's own was not captured). */
export function sendHtmlPage(exchange: Exchange, effect: Effect<'html-503'>): void {
  const status = effect.status ?? 503;
  const title = status === 503 ? '503 Service Unavailable' : `${status} Error`;
  const html =
    `<!DOCTYPE html>\n<html><head><title>${title}</title></head>\n` +
    `<body><h1>${title}</h1><p>The server is temporarily unable to service your request. Please try again later.</p></body></html>\n`;
  exchange.ctx.responseBody = html;
  sendText(exchange, status, 'text/html; charset=utf-8', html);
}

/**
 * An Apigee fault. The JSON form is the sandbox's captured 504 (`billmanager-invoices.json`); the SOAP-style
 * envelope is how Apigee words faults for XML clients (the C2B "ServiceCallout" fault in SPEC 1.1).
 */
export function sendApigeeFault(exchange: Exchange, effect: Effect<'apigee-fault'>): void {
  const status = effect.status ?? 504;
  const faultstring = effect.faultstring ?? (status === 504 ? 'Gateway Timeout' : 'Internal Server Error');
  const errorcode =
    effect.errorcode ??
    (status === 504 ? 'messaging.adaptors.http.flow.GatewayTimeout' : 'steps.servicecallout.ExecutionFailed');
  const reason = effect.reason ?? (status === 504 ? 'TARGET_READ_TIMEOUT' : undefined);
  const { ctx } = exchange;
  if (effect.format === 'soap') {
    const xml =
      '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault>' +
      `<faultcode>soapenv:Server</faultcode><faultstring>${escapeXml(faultstring)}</faultstring>` +
      `<detail><source><errorcode>${escapeXml(errorcode)}</errorcode></source></detail>` +
      '</soapenv:Fault></soapenv:Body></soapenv:Envelope>';
    ctx.responseBody = xml;
    sendText(exchange, status, 'text/xml; charset=utf-8', xml);
    return;
  }
  const body = { fault: { faultstring, detail: { errorcode, ...(reason ? { reason } : {}) } } };
  ctx.responseBody = body;
  sendText(exchange, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Lets the handler answer and cuts what it sends. Every answer hands its whole body to `res.end` once, so
 * the cut happens there; the Content-Length is set (again) to the length sent.
 */
export function truncateResponse(exchange: Exchange, effect: Effect<'truncate'>, rule: string): void {
  const { req, res } = exchange;
  const keep = effect.keep ?? 0.5;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (chunk === undefined || typeof chunk === 'function' || req.method === 'HEAD')
      return end(chunk, ...rest);
    const encoding = typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : 'utf8';
    const full = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), encoding);
    const cut = full.subarray(0, Math.floor(full.length * keep));
    const ctx = exchange.ctx;
    ctx.responseBody = cut.toString('utf8');
    ctx.explanation.push(`Fault rule "${rule}" cut the body to ${cut.length} of ${full.length} bytes.`);
    if (effect.mode === 'cut-connection') {
      res.setHeader('Content-Length', full.length);
      // The promised length never arrives: the client sees the connection close mid-body.
      res.write(cut, () => res.socket?.destroy());
      return res;
    }
    res.setHeader('Content-Length', cut.length);
    return end(cut);
  }) as ServerResponse['end'];
}
