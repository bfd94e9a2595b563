import type { ApiFactory } from '../api-module.js';
import { initiatorDesk } from '../initiator/desk.js';
import { taxRemittanceRoutes } from './routes.js';
import { TaxRemittanceService } from './service.js';

/** Tax remittance to KRA. */
export const taxRemittanceApi: ApiFactory = (emulator) => {
  const { ledger, ids, settings } = emulator;
  const service = new TaxRemittanceService({ desk: initiatorDesk(emulator), ledger, ids });
  return { name: 'tax-remittance', routes: taxRemittanceRoutes(service, settings) };
};
