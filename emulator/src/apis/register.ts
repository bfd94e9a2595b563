import type { ApiFactory } from './api-module.js';
import { oauthApi } from './oauth/module.js';
import { stkPushApi } from './stk-push/module.js';
import { stkQueryApi } from './stk-query/module.js';
import { c2bApi } from './c2b/module.js';
import { initiatorApi } from './initiator/module.js';
import { b2cApi } from './b2c/module.js';
import { transactionStatusApi } from './transaction-status/module.js';
import { accountBalanceApi } from './account-balance/module.js';
import { reversalApi } from './reversal/module.js';
import { b2bApi } from './b2b/module.js';
import { taxRemittanceApi } from './tax-remittance/module.js';
import { pullTransactionsApi } from './pull-transactions/module.js';
import { imsiApi } from './imsi/module.js';
import { b2bExpressCheckoutApi } from './b2b-express-checkout/module.js';
import { dynamicQrApi } from './dynamic-qr/module.js';
import { ratibaApi } from './ratiba/module.js';
import { billManagerApi } from './bill-manager/module.js';

/** Every emulated API, in mounting order. A new API adds its factory here. */
export const API_FACTORIES: ApiFactory[] = [
  oauthApi,
  stkPushApi,
  stkQueryApi,
  c2bApi,
  initiatorApi,
  b2cApi,
  transactionStatusApi,
  accountBalanceApi,
  reversalApi,
  b2bApi,
  taxRemittanceApi,
  pullTransactionsApi,
  imsiApi,
  b2bExpressCheckoutApi,
  dynamicQrApi,
  ratibaApi,
  billManagerApi,
];
