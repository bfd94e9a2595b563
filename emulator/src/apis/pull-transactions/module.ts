import type { ApiFactory } from '../api-module.js';
import { PullRegistrations } from './registrations.js';
import { pullRoutes } from './routes.js';
import { PullService } from './service.js';

/** Pull Transactions: register a shortcode, then query its C2B payments. */
export const pullTransactionsApi: ApiFactory = (emulator) => {
  const { ledger, transactions, store, clock, ids, settings } = emulator;
  const registrations = new PullRegistrations(store);
  const service = new PullService({ ledger, transactions, registrations, clock, ids, settings });
  return {
    name: 'pull-transactions',
    routes: pullRoutes(service, settings),
    loadControl: async () => (await import('./control-routes.js')).pullControlRoutes(registrations),
  };
};
