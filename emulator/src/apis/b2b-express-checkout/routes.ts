import { DarajaPaths, EXPRESS_CHECKOUT_INVALID_TOKEN } from 'daraja-client/wire';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { recordTransaction } from '../../http/request-context.js';
import { sendJson } from '../../http/exchange.js';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { ExpressCheckoutService } from './service.js';
import { validateExpressCheckout } from './validate.js';

export function expressCheckoutRoutes(
  service: ExpressCheckoutService,
  settings: SettingsHolder,
): DarajaRoute[] {
  return [
    {
      method: 'POST',
      path: DarajaPaths.b2bExpressCheckout,
      api: 'b2b-express-checkout',
      invalidToken: EXPRESS_CHECKOUT_INVALID_TOKEN,
      handle: (exchange) => {
        const { ctx } = exchange;
        const input = validateExpressCheckout(exchange.body, settings.current);
        const { ack, transaction } = service.push(input, ctx.body, ctx.appId, ctx.explanation);
        recordTransaction(exchange, transaction);
        sendJson(exchange, ack);
      },
    },
  ];
}
