import { DarajaErrors, DarajaPaths } from 'daraja-client/wire';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { sendJson } from '../../http/exchange.js';
import type { SettingsHolder } from '../../config/settings-holder.js';
import { LegacyPendingError, type StkQueryService } from './service.js';

export function stkQueryRoutes(service: StkQueryService, settings: SettingsHolder): DarajaRoute[] {
  return [
    {
      method: 'POST',
      path: DarajaPaths.stkQuery,
      api: 'stk-query',
      invalidToken: DarajaErrors.invalidAccessToken,
      handle: (exchange) => {
        const { ctx } = exchange;
        try {
          const { response, transactionId } = service.query(exchange.body, settings.current, ctx.explanation);
          ctx.transactionId = transactionId;
          sendJson(exchange, response);
        } catch (error) {
          if (error instanceof LegacyPendingError) {
            ctx.transactionId = error.checkoutRequestId;
            ctx.requestId = error.checkoutRequestId;
          }
          throw error;
        }
      },
    },
  ];
}
