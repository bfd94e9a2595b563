import {
  type C2BCommandId,
  type C2BRegisterUrlRequest,
  type C2BRegisterUrlResponse,
  type C2BResponseType,
  type C2BSimulateRequest,
  type C2BSimulateResponse,
  DarajaPaths,
} from '../wire/index.js';
import { DarajaValidationError } from '../errors/daraja-validation-error.js';
import type { RequestOptions } from '../http/transport.js';
import { normalizePhone } from '../validation/normalize-phone.js';
import { optionalText, requireAmount, requireOneOf, requireUrl } from '../validation/validate-input.js';
import type { ApiContext } from './api-context.js';
import { resolveShortcode } from './resolve-shortcode.js';

/** v1 notifications carry a hashed MSISDN, v2 a masked one; the request bodies are the same. */
export type C2BVersion = 'v1' | 'v2';

/** Input of `client.c2b.registerUrls`. */
export interface C2BRegisterInput {
  confirmationUrl: string;
  /** Only called if Safaricom enabled external validation for the shortcode. */
  validationUrl?: string | undefined;
  /** What Daraja does when the validation URL is slow or down; default `Completed`. */
  responseType?: C2BResponseType | undefined;
  shortCode?: string | number | undefined;
  /** Default `v2`. */
  version?: C2BVersion | undefined;
}

/** Input of `client.c2b.simulate` (sandbox only). */
export interface C2BSimulateInput {
  amount: number;
  /** The paying customer (sent as `Msisdn`). */
  msisdn: string | number;
  /** The account number typed by the payer; omit for a till. */
  billRefNumber?: string | undefined;
  /** Default `CustomerPayBillOnline`. */
  commandId?: C2BCommandId | undefined;
  shortCode?: string | number | undefined;
  /** Default `v2`. */
  version?: C2BVersion | undefined;
}

/** Daraja refuses C2B URLs containing these words (any case). */
const FORBIDDEN_URL_WORDS = /m-?pesa|safaricom|exe|cmd|sql|query/i;

/** Checks a C2B URL is absolute and free of the words Daraja bans. */
function c2bUrl(value: unknown, field: string, httpsOnly: boolean): string {
  const url = requireUrl(value, field, httpsOnly);
  const word = FORBIDDEN_URL_WORDS.exec(url);
  if (word !== null) {
    throw new DarajaValidationError(
      field,
      `must not contain "${word[0]}": Daraja rejects C2B URLs with that word`,
    );
  }
  return url;
}

/** Customer to Business: register confirmation/validation URLs and, in the sandbox, simulate payments. */
export class C2BApi {
  readonly #context: ApiContext;

  /** Creates the API over the shared context. */
  constructor(context: ApiContext) {
    this.#context = context;
  }

  /** Registers the URLs Daraja notifies for payments to a shortcode (`/mpesa/c2b/v{1,2}/registerurl`). */
  async registerUrls(input: C2BRegisterInput, options?: RequestOptions): Promise<C2BRegisterUrlResponse> {
    const version = requireOneOf(input.version ?? 'v2', 'version', ['v1', 'v2'] as const);
    const httpsOnly = this.#context.production;
    const body: C2BRegisterUrlRequest = {
      ShortCode: resolveShortcode(this.#context, input.shortCode, 'shortCode'),
      ResponseType: requireOneOf(input.responseType ?? 'Completed', 'responseType', [
        'Completed',
        'Cancelled',
      ] as const),
      ConfirmationURL: c2bUrl(input.confirmationUrl, 'confirmationUrl', httpsOnly),
    };
    if (input.validationUrl !== undefined)
      body.ValidationURL = c2bUrl(input.validationUrl, 'validationUrl', httpsOnly);
    const path = version === 'v1' ? DarajaPaths.c2bRegisterV1 : DarajaPaths.c2bRegisterV2;
    return this.#context.http.post<C2BRegisterUrlResponse>(path, body, options);
  }

  /** Simulates a customer paying the shortcode (`/mpesa/c2b/v{1,2}/simulate`); the sandbox then calls your URLs. */
  async simulate(input: C2BSimulateInput, options?: RequestOptions): Promise<C2BSimulateResponse> {
    if (this.#context.production) {
      throw new DarajaValidationError('environment', 'C2B simulate exists only in the sandbox');
    }
    const version = requireOneOf(input.version ?? 'v2', 'version', ['v1', 'v2'] as const);
    const body: C2BSimulateRequest = {
      ShortCode: resolveShortcode(this.#context, input.shortCode, 'shortCode'),
      CommandID: requireOneOf(input.commandId ?? 'CustomerPayBillOnline', 'commandId', [
        'CustomerPayBillOnline',
        'CustomerBuyGoodsOnline',
      ] as const),
      Amount: requireAmount(input.amount),
      Msisdn: normalizePhone(input.msisdn, 'msisdn'),
    };
    const billRef = optionalText(input.billRefNumber, 'billRefNumber', 20);
    if (billRef !== undefined) body.BillRefNumber = billRef;
    const path = version === 'v1' ? DarajaPaths.c2bSimulateV1 : DarajaPaths.c2bSimulateV2;
    return this.#context.http.post<C2BSimulateResponse>(path, body, options);
  }
}
