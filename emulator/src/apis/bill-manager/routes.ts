import { DarajaErrors, DarajaPaths } from 'daraja-client/wire';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { sendJson, type Exchange } from '../../http/exchange.js';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { BillManagerService } from './service.js';
import type { BillerRecord } from './records.js';
import { invoiceList, need, validateInvoice, validateOptIn, validateReconciliation } from './validate.js';
import { readText } from '../../validation/fields.js';

/** Bill Manager's seven endpoints; all but opt-in need the `appKey` header. */
export function billManagerRoutes(service: BillManagerService, settings: SettingsHolder): DarajaRoute[] {
  const route = (path: string, handle: (exchange: Exchange) => unknown): DarajaRoute => ({
    method: 'POST',
    path,
    api: 'bill-manager',
    invalidToken: DarajaErrors.invalidAccessToken,
    handle: (exchange) => sendJson(exchange, handle(exchange)),
  });
  const biller = (exchange: Exchange): BillerRecord => {
    const key = exchange.req.headers.appkey;
    return service.biller(Array.isArray(key) ? key[0] : key);
  };
  const refs = (json: unknown): string[] => {
    const list = Array.isArray(json) ? json : [json];
    return list.map((item, i) => {
      const ref = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
      return need(
        list.length > 1 || Array.isArray(json) ? `[${i}].externalReference` : 'externalReference',
        readText(ref.externalReference),
      ).trim();
    });
  };
  return [
    route(DarajaPaths.billManagerOptIn, (exchange) =>
      service.optIn(
        validateOptIn(exchange.body, settings.current),
        exchange.ctx.appId,
        exchange.ctx.explanation,
      ),
    ),
    route(DarajaPaths.billManagerChangeOptIn, (exchange) => {
      const b = biller(exchange);
      return service.changeOptIn(b, validateOptIn(exchange.body, settings.current), exchange.ctx.explanation);
    }),
    route(DarajaPaths.billManagerSingleInvoice, (exchange) => {
      const b = biller(exchange);
      return service.sendInvoices(b, [validateInvoice(exchange.body)], exchange.ctx.explanation);
    }),
    route(DarajaPaths.billManagerBulkInvoices, (exchange) => {
      const b = biller(exchange);
      const list = invoiceList(exchange.json).map((item, i) => validateInvoice(item, `[${i}].`));
      return service.sendInvoices(b, list, exchange.ctx.explanation);
    }),
    route(DarajaPaths.billManagerCancelInvoice, (exchange) => {
      const b = biller(exchange);
      return service.cancel(b, refs(exchange.body), false, exchange.ctx.explanation);
    }),
    route(DarajaPaths.billManagerCancelInvoices, (exchange) => {
      const b = biller(exchange);
      if (!Array.isArray(exchange.json) || exchange.json.length === 0)
        need('externalReference', {
          ok: false,
          reason: 'the body is not a list like [{"externalReference": "113"}, ...]',
        });
      return service.cancel(b, refs(exchange.json), true, exchange.ctx.explanation);
    }),
    route(DarajaPaths.billManagerReconciliation, (exchange) => {
      const b = biller(exchange);
      return service.reconcile(b, validateReconciliation(exchange.body), exchange.ctx.explanation);
    }),
  ];
}
