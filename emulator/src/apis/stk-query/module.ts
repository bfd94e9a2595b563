import type { ApiFactory } from '../api-module.js';
import { stkQueryRoutes } from './routes.js';
import { StkQueryService } from './service.js';

export const stkQueryApi: ApiFactory = ({ ledger, transactions, clock, settings }) => ({
  name: 'stk-query',
  routes: stkQueryRoutes(new StkQueryService(ledger, transactions, clock), settings),
});
