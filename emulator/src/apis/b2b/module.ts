import type { ApiFactory } from '../api-module.js';
import { b2bRoutes } from './routes.js';
import { B2BService } from './service.js';

/** B2B payments: BusinessPayBill, BusinessBuyGoods and BusinessPayToBulk. */
export const b2bApi: ApiFactory = ({ ledger, ids, settings, initiator }) => {
  const service = new B2BService({ initiator, ledger, ids });
  return { name: 'b2b', routes: b2bRoutes(service, settings) };
};
