/*
 * IMSI and SIM Swap checks (SPEC 22): flat camelCase JSON, answered synchronously, no callback.
 * DarajaPaths.imsi (`/imsi/v1/checkATI`) is the IMSI product (hashed IMSI, age on network, last swap);
 * DarajaPaths.simSwap (`/imsi/v2/checkATI`) is the Swap product (last swap only).
 */

/** The request of both products: the customer's 12-digit MSISDN (`2547…` or `2541…`). */
export interface ImsiCheckRequest {
  customerNumber: string | number;
}

/** What every answer starts with; `responseCode` is the string "200" on success. */
interface ImsiAnswerHead {
  requestRefID: string;
  responseCode: string;
  responseDesc: string;
}

/** The IMSI product's answer, keys in the portal sample's order. */
export interface ImsiCheckResponse extends ImsiAnswerHead {
  /** The hashed IMSI (16 digits in the portal's examples); it changes when the SIM is swapped. */
  imsi: string;
  /** `DD-MM-YYYY` of the last swap; `01-01-1900 00:00` when there was none in the last 3 months. */
  lastSwapDate: string;
  /** `DD-MM-YYYY` on which the number was registered on the network. */
  msisdnRegistrationDate: string;
  customerNumber: string;
}

/** The Swap product's answer: `lastSwapDate` as `DD-MM-YYYY HH:mm`, `01-01-1900 00:00` for none in 3 months. */
export interface SwapCheckResponse extends ImsiAnswerHead {
  lastSwapDate: string;
}

export const IMSI_SUCCESS = { code: '200', desc: 'Success' } as const;

/** The date Daraja sends when the SIM was not swapped in the last 3 months. */
export const NO_RECENT_SWAP = '01-01-1900 00:00';
