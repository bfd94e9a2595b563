import { DarajaPaths } from 'daraja-client/wire';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { initiatorRequestRoute } from '../initiator/initiator-route.js';
import type { TaxRemittanceService } from './service.js';
import { validateTaxRemittance } from './validate.js';

export function taxRemittanceRoutes(service: TaxRemittanceService, settings: SettingsHolder): DarajaRoute[] {
  return [
    initiatorRequestRoute(DarajaPaths.taxRemittance, 'tax-remittance', ({ body, ctx }) =>
      service.remit(validateTaxRemittance(body, settings.current), ctx.body, ctx.appId, ctx.explanation),
    ),
  ];
}
