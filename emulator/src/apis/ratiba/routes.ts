import { DarajaErrors, DarajaPaths } from 'daraja-client/wire';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { recordTransaction } from '../../http/request-context.js';
import { sendJson } from '../../http/exchange.js';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { Ledger } from '../../ledger/ledger.js';
import type { Clock } from '../../time/clock.js';
import type { RatibaService } from './service.js';
import { validateRatiba } from './validate.js';

export function ratibaRoutes(
  ratiba: RatibaService,
  settings: SettingsHolder,
  ledger: Ledger,
  clock: Clock,
): DarajaRoute[] {
  return [
    {
      method: 'POST',
      path: DarajaPaths.ratiba,
      api: 'ratiba',
      invalidToken: DarajaErrors.invalidAccessToken,
      handle: (exchange) => {
        const { ctx } = exchange;
        const input = validateRatiba(
          exchange.body,
          settings.current,
          (code) => {
            const kind = ledger.org(code)?.kind;
            return kind === 'paybill' || kind === 'till' ? kind : undefined;
          },
          clock.now(),
          ctx.explanation,
        );
        const { ack, transaction } = ratiba.create(input, ctx.body, ctx.appId, ctx.explanation);
        recordTransaction(exchange, transaction);
        sendJson(exchange, ack);
      },
    },
  ];
}
