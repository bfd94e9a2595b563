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
    answer: (exchange: Exchange, msisdn: string) => unknown,
  ): DarajaRoute => ({
    method: 'POST',
    path,
    api,
    // Not documented for these products; the gateway's usual answer to a bad token (SPEC 1.4).
    invalidToken: DarajaErrors.invalidAccessToken,
    handle: (exchange) => {
      const { customerNumber } = validateImsiCheck(exchange.body);
      sendJson(exchange, answer(exchange, customerNumber));
    },
  });
  return [
    route(DarajaPaths.imsi, 'imsi', (exchange, msisdn) => service.imsi(msisdn, exchange.ctx.explanation)),
    route(DarajaPaths.simSwap, 'sim-swap', (exchange, msisdn) =>
      service.swap(msisdn, exchange.ctx.explanation),
    ),
  ];
}
