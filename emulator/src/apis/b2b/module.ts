import type { ApiFactory } from '../api-module.js';
import { initiatorDesk } from '../initiator/desk.js';
import { b2bRoutes } from './routes.js';
import { B2BService } from './service.js';

/** B2B payments: BusinessPayBill, BusinessBuyGoods and BusinessPayToBulk. */
export const b2bApi: ApiFactory = (emulator) => {
  const { ledger, ids, settings } = emulator;
  const service = new B2BService({ desk: initiatorDesk(emulator), ledger, ids });
  return { name: 'b2b', routes: b2bRoutes(service, settings) };
};
