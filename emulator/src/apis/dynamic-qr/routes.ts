import { DarajaErrors, DarajaPaths } from 'daraja-client/wire';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { recordTransaction } from '../../http/request-context.js';
import { sendJson } from '../../http/exchange.js';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { DynamicQrService } from './service.js';
import { validateDynamicQr } from './validate.js';

export function dynamicQrRoutes(service: DynamicQrService, settings: SettingsHolder): DarajaRoute[] {
  return [
    {
      method: 'POST',
      path: DarajaPaths.dynamicQr,
      api: 'dynamic-qr',
      invalidToken: DarajaErrors.invalidAccessToken,
      handle: (exchange) => {
        const { ctx } = exchange;
        const input = validateDynamicQr(exchange.body, settings.current);
        const { response, transaction } = service.generate(input, ctx.body, ctx.appId, ctx.explanation);
        recordTransaction(exchange, transaction);
        sendJson(exchange, response);
      },
    },
  ];
}
