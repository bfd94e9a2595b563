import {
  DarajaPaths,
  type PullQueryResponse,
  type PullRegisterResponse,
  type PullTransaction,
} from '../wire/index.js';
import type { RequestOptions } from '../http/transport.js';
import { DarajaValidationError } from '../errors/daraja-validation-error.js';
import { normalizePhone } from '../validation/normalize-phone.js';
import { requireUrl } from '../validation/validate-input.js';
import { formatEatTimestamp } from '../time/eat-time.js';
import type { ApiContext } from './api-context.js';
import { resolveShortcode } from './resolve-shortcode.js';

/** Input of `client.pullTransactions.register`. */
export interface PullRegisterInput {
  /** The MSISDN in the shortcode's KYC. Sent as 2547XXXXXXXX. */
  nominatedNumber: string | number;
  callbackUrl: string;
  /** Defaults to the configured shortcode. */
  shortCode?: string | number | undefined;
}

/** Input of `client.pullTransactions.query`. */
export interface PullQueryInput {
  /** Dates are sent as East Africa Time wall clock, `YYYY-MM-DD HH:mm:ss`. */
  startDate: Date;
  endDate: Date;
  /** Rows to skip; default 0. */
  offset?: number | undefined;
  shortCode?: string | number | undefined;
}

/** A query's answer, typed: the rows found (empty when Daraja answered 1001). */
export interface PullQueryResult {
  found: boolean;
  responseCode: string;
  responseMessage: string;
  transactions: PullTransaction[];
  raw: PullQueryResponse;
}

/** `Date` → `2026-01-01 12:00:00` in EAT. */
function pullDate(date: Date, field: string): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new DarajaValidationError(field, 'must be a valid Date');
  }
  const t = formatEatTimestamp(date.getTime());
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)} ${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12)}`;
}

/** Pull Transactions: `POST /pulltransactions/v1/register` and `/pulltransactions/v1/query`. */
export class PullTransactionsApi {
  readonly #context: ApiContext;

  /** Creates the API over the shared context. */
  constructor(context: ApiContext) {
    this.#context = context;
  }

  /** Registers the shortcode once; `ResponseStatus` "1001" means it already was. */
  async register(input: PullRegisterInput, options?: RequestOptions): Promise<PullRegisterResponse> {
    const body = {
      ShortCode: resolveShortcode(this.#context, input.shortCode, 'shortCode'),
      RequestType: 'Pull',
      NominatedNumber: normalizePhone(input.nominatedNumber, 'nominatedNumber'),
      CallBackURL: requireUrl(input.callbackUrl, 'callbackUrl', this.#context.production),
    };
    return this.#context.http.post<PullRegisterResponse>(DarajaPaths.pullRegister, body, options);
  }

  /** Reads one page of the shortcode's C2B transactions between two dates. */
  async query(input: PullQueryInput, options?: RequestOptions): Promise<PullQueryResult> {
    const offset = input.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0) {
      throw new DarajaValidationError('offset', `must be a whole number ≥ 0; got ${String(offset)}`);
    }
    const body = {
      ShortCode: resolveShortcode(this.#context, input.shortCode, 'shortCode'),
      StartDate: pullDate(input.startDate, 'startDate'),
      EndDate: pullDate(input.endDate, 'endDate'),
      OffSetValue: String(offset),
    };
    const raw = await this.#context.http.post<PullQueryResponse>(DarajaPaths.pullQuery, body, options);
    const rows = 'Response' in raw && Array.isArray(raw.Response) ? raw.Response.flat() : [];
    return {
      found: raw.ResponseCode === '1000',
      responseCode: raw.ResponseCode,
      responseMessage: raw.ResponseMessage,
      transactions: rows,
      raw,
    };
  }
}
