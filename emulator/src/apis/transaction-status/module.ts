import type { ApiFactory } from '../api-module.js';
import { transactionStatusRoutes } from './routes.js';
import { TransactionStatusService } from './service.js';

export const transactionStatusApi: ApiFactory = ({ settings, ledger, transactions, initiator }) => ({
  name: 'transaction-status',
  routes: transactionStatusRoutes(
    settings,
    new TransactionStatusService({ ledger, transactions, initiator }),
  ),
});
