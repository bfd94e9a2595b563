import { DarajaErrors, DarajaPaths } from 'daraja-client/wire';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { recordTransaction } from '../../http/request-context.js';
import { sendJson } from '../../http/exchange.js';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { StkService } from './service.js';
import { validateStkPush } from './validate.js';

export function stkPushRoutes(stk: StkService, settings: SettingsHolder): DarajaRoute[] {
  return [
    {
      method: 'POST',
      path: DarajaPaths.stkPush,
      api: 'stk-push',
      invalidToken: DarajaErrors.invalidAccessToken,
      handle: (exchange) => {
        const { ctx } = exchange;
        const input = validateStkPush(exchange.body, settings.current);
        const { ack, transaction } = stk.push(input, ctx.body, ctx.appId, ctx.explanation);
        recordTransaction(exchange, transaction);
        sendJson(exchange, ack);
      },
    },
  ];
}
