import type { ApiFactory } from '../api-module.js';
import { transactionStatusRoutes } from './routes.js';
import { TransactionStatusService } from './service.js';

export const transactionStatusApi: ApiFactory = (emulator) => ({
  name: 'transaction-status',
  routes: transactionStatusRoutes(emulator, new TransactionStatusService(emulator)),
});
