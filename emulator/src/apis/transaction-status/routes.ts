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
  const route = initiatorRoute(DarajaPaths.transactionStatus, 'transaction-status', (exchange) => {
    const { ctx } = exchange;
    const input = validateTransactionStatus(exchange.body, settings.current);
    const { ack, transaction } = service.query(input, ctx.body, ctx.appId, ctx.explanation);
    recordTransaction(exchange, transaction);
    sendJson(exchange, ack);
  });
  // Documented for Transaction Status: a malformed body is 400.002.05 Invalid Request Payload (SPEC 1.4).
  return [{ ...route, malformedBody: 'invalid-payload' }];
}
