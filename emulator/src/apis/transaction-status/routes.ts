import { DarajaPaths } from 'daraja-client/wire';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { recordTransaction } from '../../http/request-context.js';
import { sendJson } from '../../http/exchange.js';
import { initiatorRoute } from '../initiator/initiator-route.js';
import type { TransactionStatusService } from './service.js';
import { validateTransactionStatus } from './validate.js';

export function transactionStatusRoutes(
  settings: SettingsHolder,
  service: TransactionStatusService,
): DarajaRoute[] {
  return [
    initiatorRoute(DarajaPaths.transactionStatus, 'transaction-status', (x) => {
      const { ctx } = x;
      const input = validateTransactionStatus(x.body, settings.current);
      const { ack, transaction } = service.query(input, ctx.body, ctx.appId, ctx.explanation);
      recordTransaction(x, transaction);
      sendJson(x, ack);
    }),
  ];
}
