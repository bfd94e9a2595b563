import { DarajaPaths } from 'daraja-client/wire';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { recordTransaction } from '../../http/request-context.js';
import { sendJson } from '../../http/exchange.js';
import { initiatorRoute } from '../initiator/initiator-route.js';
import type { TaxRemittanceService } from './service.js';
import { validateTaxRemittance } from './validate.js';

export function taxRemittanceRoutes(service: TaxRemittanceService, settings: SettingsHolder): DarajaRoute[] {
  return [
    initiatorRoute(DarajaPaths.taxRemittance, 'tax-remittance', (exchange) => {
      const input = validateTaxRemittance(exchange.body, settings.current);
      const { ack, transaction } = service.remit(
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
