import type { ApiFactory } from '../api-module.js';
import { taxRemittanceRoutes } from './routes.js';
import { TaxRemittanceService } from './service.js';

/** Tax remittance to KRA. */
export const taxRemittanceApi: ApiFactory = ({ ledger, ids, settings, initiator }) => {
  const service = new TaxRemittanceService({ initiator, ledger, ids });
  return { name: 'tax-remittance', routes: taxRemittanceRoutes(service, settings) };
};
