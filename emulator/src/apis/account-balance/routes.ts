import { DarajaPaths } from 'daraja-client/wire';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { initiatorRequestRoute } from '../initiator/initiator-route.js';
import { validateAccountBalance, type AccountBalanceService } from './service.js';

export function accountBalanceRoutes(
  settings: SettingsHolder,
  service: AccountBalanceService,
): DarajaRoute[] {
  return [
    initiatorRequestRoute(DarajaPaths.accountBalance, 'account-balance', ({ body, ctx }) =>
      service.query(validateAccountBalance(body, settings.current), ctx.body, ctx.appId, ctx.explanation),
    ),
  ];
}
