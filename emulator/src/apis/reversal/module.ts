import type { ApiFactory } from '../api-module.js';
import { reversalRoutes } from './routes.js';
import { ReversalService } from './service.js';

export const reversalApi: ApiFactory = ({ settings, ledger, ids, messages, transactions, initiator }) => ({
  name: 'reversal',
  routes: reversalRoutes(settings, new ReversalService({ ledger, ids, messages, transactions, initiator })),
});
