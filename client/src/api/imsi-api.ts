import {
  DarajaPaths,
  NO_RECENT_SWAP,
  type ImsiCheckRequest,
  type ImsiCheckResponse,
  type SwapCheckResponse,
} from '../wire/index.js';
import type { RequestOptions } from '../http/transport.js';
import { normalizePhone } from '../validation/normalize-phone.js';
import type { ApiContext } from './api-context.js';

/** IMSI and SIM Swap checks: `POST /imsi/v1/checkATI` and `POST /imsi/v2/checkATI` (commercial products). */
export class ImsiApi {
  readonly #context: ApiContext;

  /** Creates the API over the shared context. */
  constructor(context: ApiContext) {
    this.#context = context;
  }

  /** The IMSI product: hashed IMSI, registration date and last swap of a customer's line. */
  async check(customerNumber: string | number, options?: RequestOptions): Promise<ImsiCheckResponse> {
    const body: ImsiCheckRequest = { customerNumber: normalizePhone(customerNumber, 'customerNumber') };
    return this.#context.http.post<ImsiCheckResponse>(DarajaPaths.imsi, body, options);
  }

  /** The Swap product: when the customer's SIM was last swapped. */
  async lastSwap(customerNumber: string | number, options?: RequestOptions): Promise<SwapCheckResponse> {
    const body: ImsiCheckRequest = { customerNumber: normalizePhone(customerNumber, 'customerNumber') };
    return this.#context.http.post<SwapCheckResponse>(DarajaPaths.simSwap, body, options);
  }
}

/**
 * Reads a `lastSwapDate` (`DD-MM-YYYY`, optionally with ` HH:mm`): whether the SIM was swapped in the last 3
 * months (Daraja answers `01-01-1900` otherwise), and the swap's date as `YYYY-MM-DD` when it was.
 */
export function readSwapDate(lastSwapDate: string): { recentlySwapped: boolean; swappedOn?: string } {
  const match = /^(\d{2})-(\d{2})-(\d{4})/.exec(lastSwapDate.trim());
  if (!match || lastSwapDate.trim().startsWith(NO_RECENT_SWAP.slice(0, 10)))
    return { recentlySwapped: false };
  return { recentlySwapped: true, swappedOn: `${match[3]}-${match[2]}-${match[1]}` };
}
