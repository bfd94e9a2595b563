import type { ApiFactory } from '../api-module.js';
import { b2cRoutes } from './routes.js';
import { B2CService } from './service.js';

/** B2C v1 and v3 and Business to Pochi. */
export const b2cApi: ApiFactory = ({ settings, ledger, ids, messages, transactions, initiator }) => ({
  name: 'b2c',
  routes: b2cRoutes(settings, new B2CService({ ledger, ids, messages, settings, transactions, initiator })),
});
