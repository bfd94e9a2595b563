import { DarajaPaths } from 'daraja-client/wire';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { recordTransaction } from '../../http/request-context.js';
import { sendJson } from '../../http/exchange.js';
import { initiatorRoute } from '../initiator/initiator-route.js';
import type { B2BService } from './service.js';
import { validateB2B } from './validate.js';

export function b2bRoutes(service: B2BService, settings: SettingsHolder): DarajaRoute[] {
  return [
    initiatorRoute(DarajaPaths.b2b, 'b2b', (exchange) => {
      const input = validateB2B(exchange.body, settings.current);
      const { ack, transaction } = service.pay(
        input,
        exchange.ctx.body,
        exchange.ctx.appId,
        exchange.ctx.explanation,
      );
      recordTransaction(exchange, transaction);
      sendJson(exchange, ack);
    }),
  ];
}
