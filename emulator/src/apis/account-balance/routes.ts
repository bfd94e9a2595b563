import { DarajaPaths } from 'daraja-client/wire';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { recordTransaction } from '../../http/request-context.js';
import { sendJson } from '../../http/exchange.js';
import { initiatorRoute } from '../initiator/initiator-route.js';
import { validateAccountBalance, type AccountBalanceService } from './service.js';

export function accountBalanceRoutes(
  settings: SettingsHolder,
  service: AccountBalanceService,
): DarajaRoute[] {
  return [
    initiatorRoute(DarajaPaths.accountBalance, 'account-balance', (exchange) => {
      const { ctx } = exchange;
      const input = validateAccountBalance(exchange.body, settings.current);
      const { ack, transaction } = service.query(input, ctx.body, ctx.appId, ctx.explanation);
      recordTransaction(exchange, transaction);
      sendJson(exchange, ack);
    }),
  ];
}
