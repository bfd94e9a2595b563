import { DarajaPaths } from 'daraja-client/wire';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { recordTransaction } from '../../http/request-context.js';
import { sendJson } from '../../http/exchange.js';
import { initiatorRoute } from '../initiator/initiator-route.js';
import type { ReversalService } from './service.js';
import { validateReversal } from './validate.js';

export function reversalRoutes(settings: SettingsHolder, service: ReversalService): DarajaRoute[] {
  return [
    initiatorRoute(DarajaPaths.reversal, 'reversal', (exchange) => {
      const { ctx } = exchange;
      const input = validateReversal(exchange.body, settings.current);
      const { ack, transaction } = service.reverse(input, ctx.body, ctx.appId, ctx.explanation);
      recordTransaction(exchange, transaction);
      sendJson(exchange, ack);
    }),
  ];
}
