import type { ApiFactory } from '../api-module.js';
import { accountBalanceRoutes } from './routes.js';
import { AccountBalanceService } from './service.js';

export const accountBalanceApi: ApiFactory = (emulator) => ({
  name: 'account-balance',
  routes: accountBalanceRoutes(emulator, new AccountBalanceService(emulator)),
});
