/** A value Daraja accepts either as a JSON number or as a numeric string. */
export type NumberLike = number | string;

/** Daraja's synchronous error body: the one place Daraja answers in camelCase. */
export interface DarajaErrorBody {
  requestId: string;
  errorCode: string;
  errorMessage: string;
}

/** The paths Daraja serves in Kenya, by API. */
export const DarajaPaths = {
  oauth: '/oauth/v1/generate',
  stkPush: '/mpesa/stkpush/v1/processrequest',
  stkQuery: '/mpesa/stkpushquery/v1/query',
  c2bRegisterV1: '/mpesa/c2b/v1/registerurl',
  c2bRegisterV2: '/mpesa/c2b/v2/registerurl',
  c2bSimulateV1: '/mpesa/c2b/v1/simulate',
  c2bSimulateV2: '/mpesa/c2b/v2/simulate',
  b2cV1: '/mpesa/b2c/v1/paymentrequest',
  b2cV3: '/mpesa/b2c/v3/paymentrequest',
  b2pochi: '/mpesa/b2pochi/v1/paymentrequest',
  transactionStatus: '/mpesa/transactionstatus/v1/query',
  accountBalance: '/mpesa/accountbalance/v1/query',
  reversal: '/mpesa/reversal/v1/request',
  b2b: '/mpesa/b2b/v1/paymentrequest',
  taxRemittance: '/mpesa/b2b/v1/remittax',
  pullRegister: '/pulltransactions/v1/register',
  pullQuery: '/pulltransactions/v1/query',
  imsi: '/imsi/v1/checkATI',
  simSwap: '/imsi/v2/checkATI',
  b2bExpressCheckout: '/v1/ussdpush/get-msisdn',
  dynamicQr: '/mpesa/qrcode/v1/generate',
  ratiba: '/standingorder/v1/createStandingOrderExternal',
  billManagerOptIn: '/v1/billmanager-invoice/optin',
  billManagerChangeOptIn: '/v1/billmanager-invoice/change-optin-details',
  billManagerSingleInvoice: '/v1/billmanager-invoice/single-invoicing',
  billManagerBulkInvoices: '/v1/billmanager-invoice/bulk-invoicing',
  billManagerReconciliation: '/v1/billmanager-invoice/reconciliation',
  billManagerCancelInvoice: '/v1/billmanager-invoice/cancel-single-invoice',
  billManagerCancelInvoices: '/v1/billmanager-invoice/cancel-bulk-invoices',
} as const;

export type DarajaApi = keyof typeof DarajaPaths;

/** Safaricom's hosts. */
export const DarajaHosts = {
  sandbox: 'https://sandbox.safaricom.co.ke',
  production: 'https://api.safaricom.co.ke',
} as const;

/** A result code with the description Daraja sends with it. */
export interface ResultCodeEntry {
  code: number | string;
  desc: string;
}
