import { DarajaPaths } from 'daraja-client/wire';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { initiatorRequestRoute } from '../initiator/initiator-route.js';
import type { TransactionStatusService } from './service.js';
import { validateTransactionStatus } from './validate.js';

export function transactionStatusRoutes(
  settings: SettingsHolder,
  service: TransactionStatusService,
): DarajaRoute[] {
  const route = initiatorRequestRoute(DarajaPaths.transactionStatus, 'transaction-status', ({ body, ctx }) =>
    service.query(validateTransactionStatus(body, settings.current), ctx.body, ctx.appId, ctx.explanation),
  );
  // Documented for Transaction Status: a malformed body is 400.002.05 Invalid Request Payload (SPEC 1.4).
  return [{ ...route, malformedBody: 'invalid-payload' }];
}
