import type { ApiFactory } from '../api-module.js';
import { accountBalanceRoutes } from './routes.js';
import { AccountBalanceService } from './service.js';

export const accountBalanceApi: ApiFactory = ({ settings, ledger, initiator }) => ({
  name: 'account-balance',
  routes: accountBalanceRoutes(settings, new AccountBalanceService({ ledger, initiator })),
});
