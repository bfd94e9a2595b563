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
    initiatorRoute(DarajaPaths.reversal, 'reversal', (x) => {
      const { ctx } = x;
      const input = validateReversal(x.body, settings.current);
      const { ack, transaction } = service.reverse(input, ctx.body, ctx.appId, ctx.explanation);
      recordTransaction(x, transaction);
      sendJson(x, ack);
    }),
  ];
}
