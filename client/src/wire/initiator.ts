import type { ResultCodeEntry } from './common.js';

/**
 * Facts shared by the initiator APIs' Result callbacks that are not shapes: Safaricom's own queue URLs
 * echoed in `ReferenceData`, and texts seen in live results.
 */

/** Safaricom's internal queue URLs that B2C, Account Balance and Reversal results echo as `QueueTimeoutURL`. */
export const INTERNAL_QUEUE_URLS = {
  b2c: 'https://internalsandbox.safaricom.co.ke/mpesa/b2cresults/v1/submit',
  accountBalance: 'https://internalsandbox.safaricom.co.ke/mpesa/abresults/v1/submit',
  reversal: 'https://internalsandbox.safaricom.co.ke/mpesa/reversalresults/v1/submit',
} as const;

/** `ErrorMsg` of an Account Balance result when the initiator is locked (note the trailing space). */
export const BALANCE_LOCKED_ERROR_MSG = 'API Password is locked. ';

/** B2Pochi's CommandID. */
export const B2POCHI_COMMAND_ID = 'BusinessPayToPochi';

/**
 * `ReasonType` values a Transaction Status result shows per kind of payment. Documented: "Pay Bill Online"
 * (STK to a paybill), "Business Payment to Customer via API", "Salary Payment via API" (2017).
 */
export const TRANSACTION_REASON_TYPES = {
  stkPaybill: 'Pay Bill Online',
  stkTill: 'Buy Goods Online',
  c2bPaybill: 'Pay Bill',
  c2bTill: 'Buy Goods',
  BusinessPayment: 'Business Payment to Customer via API',
  SalaryPayment: 'Salary Payment via API',
  PromotionPayment: 'Promotion Payment via API',
  BusinessPayToPochi: 'Business Payment to Pochi via API',
  reversal: 'Reversal',
  BusinessPayBill: 'Business Pay Bill via API',
  BusinessBuyGoods: 'Business Buy Goods via API',
  BusinessPayToBulk: 'Business Pay to Bulk via API',
  PayTaxToKRA: 'Pay Tax to KRA via API',
} as const;

/**
 * The notification sent to `QueueTimeOutURL` is undocumented (SPEC 6.3): integrators parse it as the usual
 * `Result` envelope. This is the code and text the emulator uses unless configured otherwise.
 */
export const QUEUE_TIMEOUT_RESULT: ResultCodeEntry = {
  code: 1,
  desc: 'The service request timed out in the queue.',
};
