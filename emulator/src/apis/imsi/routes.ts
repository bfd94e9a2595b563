import { DarajaErrors, DarajaPaths } from 'daraja-client/wire';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { sendJson, type Exchange } from '../../http/exchange.js';
import type { ImsiService } from './service.js';
import { validateImsiCheck } from './validate.js';

/** The IMSI check and the SIM Swap check: one field in, one synchronous answer out. */
export function imsiRoutes(service: ImsiService): DarajaRoute[] {
  const route = (
    path: string,
    api: string,
    answer: (x: Exchange, msisdn: string) => unknown,
  ): DarajaRoute => ({
    method: 'POST',
    path,
    api,
    // Not documented for these products; the gateway's usual answer to a bad token (SPEC 1.4).
    invalidToken: DarajaErrors.invalidAccessToken,
    handle: (x) => {
      const { customerNumber } = validateImsiCheck(x.body);
      sendJson(x, answer(x, customerNumber));
    },
  });
  return [
    route(DarajaPaths.imsi, 'imsi', (x, msisdn) => service.imsi(msisdn, x.ctx.explanation)),
    route(DarajaPaths.simSwap, 'sim-swap', (x, msisdn) => service.swap(msisdn, x.ctx.explanation)),
  ];
}
