import { DarajaPaths } from 'daraja-client/wire';
import type { Emulator } from '../../emulator.js';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { recordTransaction } from '../../http/request-context.js';
import { sendJson } from '../../http/exchange.js';
import { initiatorRoute } from '../initiator/token.js';
import type { ReversalService } from './service.js';
import { validateReversal } from './validate.js';

export function reversalRoutes(emulator: Emulator, service: ReversalService): DarajaRoute[] {
  return [
    initiatorRoute(DarajaPaths.reversal, 'reversal', (x) => {
      const { ctx } = x;
      const input = validateReversal(x.body, emulator.settings.current);
      const { ack, transaction } = service.reverse(input, ctx.body, ctx.appId, ctx.explanation);
      recordTransaction(x, transaction);
      sendJson(x, ack);
    }),
  ];
}
