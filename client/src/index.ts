export * from './wire/index.js';

export { DarajaClient } from './daraja-client.js';
export { type DarajaClientConfig, type DarajaEnvironment, resolveBaseUrl } from './config.js';

export { OAuthApi } from './api/oauth-api.js';
export { StkApi, type StkPushInput, type StkQueryInput } from './api/stk-api.js';
export { C2BApi, type C2BRegisterInput, type C2BSimulateInput, type C2BVersion } from './api/c2b-api.js';
export { B2CApi, type B2CPayInput, type B2PochiPayInput } from './api/b2c-api.js';
export {
  TransactionStatusApi,
  type TransactionStatusInput,
  type IdentifierType,
} from './api/transaction-status-api.js';
export { AccountBalanceApi, type AccountBalanceInput } from './api/account-balance-api.js';
export { ReversalApi, type ReversalInput } from './api/reversal-api.js';
export {
  B2BApi,
  type B2BPayBillInput,
  type B2BPaymentInput,
  type TaxRemittanceInput,
} from './api/b2b-api.js';
export {
  PullTransactionsApi,
  type PullRegisterInput,
  type PullQueryInput,
  type PullQueryResult,
} from './api/pull-transactions-api.js';
export { ImsiApi, readSwapDate } from './api/imsi-api.js';
export { B2bExpressCheckoutApi, type B2bExpressCheckoutInput } from './api/b2b-express-checkout-api.js';
export { DynamicQrApi, type DynamicQrInput } from './api/dynamic-qr-api.js';
export { RatibaApi, type StandingOrderInput } from './api/ratiba-api.js';
export { BillManagerApi, type BillerInput } from './api/bill-manager-api.js';

export * from './errors/daraja-error.js';
export { DarajaValidationError } from './errors/daraja-validation-error.js';
export { errorFromResponse, type FailedResponse } from './errors/error-from-response.js';

export type { FetchLike, RequestOptions } from './http/transport.js';
export { type RetryOptions, isTransient, backoffDelay, retryPolicy } from './http/retry.js';
export { parseExpiresIn } from './auth/token-cache.js';

export { buildSecurityCredential } from './security/security-credential.js';
export { stkPassword, type StkCredentials } from './security/stk-password.js';
export { formatEatTimestamp, parseEatTimestamp, parseEatDateTime } from './time/eat-time.js';
export { normalizePhone } from './validation/normalize-phone.js';

export { CallbackParseError } from './callbacks/callback-parse-error.js';
export {
  parseStkCallback,
  type StkCallbackResult,
  type StkCallbackSuccess,
  type StkCallbackFailure,
} from './callbacks/parse-stk-callback.js';
export { parseC2BNotification, type ParsedC2BNotification } from './callbacks/parse-c2b-notification.js';
export {
  parseResultCallback,
  type ParsedResult,
  type ResultValues,
} from './callbacks/parse-result-callback.js';
export { parseAccountBalance, type BalanceAccount } from './callbacks/parse-account-balance.js';
export { readB2CResult, type B2CResultDetails } from './callbacks/read-b2c-result.js';
export {
  readTransactionStatusResult,
  type TransactionStatusDetails,
} from './callbacks/read-transaction-status-result.js';
export {
  readAccountBalanceResult,
  type AccountBalanceDetails,
} from './callbacks/read-account-balance-result.js';
export { readReversalResult, type ReversalDetails } from './callbacks/read-reversal-result.js';
export { readB2BResult, type B2BResultDetails } from './callbacks/read-b2b-result.js';
export {
  parseExpressCheckoutCallback,
  type ExpressCheckoutCallbackResult,
  type ExpressCheckoutPaid,
  type ExpressCheckoutNotPaid,
} from './callbacks/parse-express-checkout-callback.js';
export { parseRatibaCallback, type RatibaCallbackResult } from './callbacks/parse-ratiba-callback.js';
export {
  parseBillManagerPayment,
  billManagerAck,
  type ParsedBillManagerPayment,
} from './callbacks/parse-bill-manager-payment.js';
export {
  acceptC2B,
  rejectC2B,
  validationReply,
  type C2BValidationDecision,
} from './callbacks/c2b-validation-decision.js';
export { type CallbackKind, classifyCallback } from './callbacks/classify-callback.js';
export {
  createCallbackHandler,
  type CallbackHandlers,
  type CallbackHandlerOptions,
  type CallbackRequestHandler,
} from './callbacks/create-callback-handler.js';
export type { CallbackRequest } from './callbacks/read-json-body.js';
