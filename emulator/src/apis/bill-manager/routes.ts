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
  const route = (path: string, handle: (x: Exchange) => unknown): DarajaRoute => ({
    method: 'POST',
    path,
    api: 'bill-manager',
    invalidToken: DarajaErrors.invalidAccessToken,
    handle: (x) => sendJson(x, handle(x)),
  });
  const biller = (x: Exchange): BillerRecord => {
    const key = x.req.headers.appkey;
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
    route(DarajaPaths.billManagerOptIn, (x) =>
      service.optIn(validateOptIn(x.body, settings.current), x.ctx.appId, x.ctx.explanation),
    ),
    route(DarajaPaths.billManagerChangeOptIn, (x) => {
      const b = biller(x);
      return service.changeOptIn(b, validateOptIn(x.body, settings.current), x.ctx.explanation);
    }),
    route(DarajaPaths.billManagerSingleInvoice, (x) => {
      const b = biller(x);
      return service.sendInvoices(b, [validateInvoice(x.body)], x.ctx.explanation);
    }),
    route(DarajaPaths.billManagerBulkInvoices, (x) => {
      const b = biller(x);
      const list = invoiceList(x.json).map((item, i) => validateInvoice(item, `[${i}].`));
      return service.sendInvoices(b, list, x.ctx.explanation);
    }),
    route(DarajaPaths.billManagerCancelInvoice, (x) => {
      const b = biller(x);
      return service.cancel(b, refs(x.body), false, x.ctx.explanation);
    }),
    route(DarajaPaths.billManagerCancelInvoices, (x) => {
      const b = biller(x);
      if (!Array.isArray(x.json) || x.json.length === 0)
        need('externalReference', {
          ok: false,
          reason: 'the body is not a list like [{"externalReference": "113"}, ...]',
        });
      return service.cancel(b, refs(x.json), true, x.ctx.explanation);
    }),
    route(DarajaPaths.billManagerReconciliation, (x) => {
      const b = biller(x);
      return service.reconcile(b, validateReconciliation(x.body), x.ctx.explanation);
    }),
  ];
}
