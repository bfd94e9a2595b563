import {
  DarajaPaths,
  type StkPushAck,
  type StkPushRequest,
  type StkQueryRequest,
  type StkQueryResponse,
  type StkTransactionType,
} from '../wire/index.js';
import { DarajaValidationError } from '../errors/daraja-validation-error.js';
import type { RequestOptions } from '../http/transport.js';
import { stkPassword } from '../security/stk-password.js';
import { normalizePhone } from '../validation/normalize-phone.js';
import {
  requireAmount,
  requireDigits,
  requireOneOf,
  requireText,
  requireUrl,
} from '../validation/validate-input.js';
import type { ApiContext } from './api-context.js';
import { resolveShortcode } from './resolve-shortcode.js';

/** Input of `client.stk.push`. */
export interface StkPushInput {
  /** Whole shillings, ≥ 1. */
  amount: number;
  /** The customer's phone, in any common Kenyan form; it pays (PartyA) and receives the prompt. */
  phoneNumber: string | number;
  /** Where Daraja POSTs the result (sent as `CallBackURL`). */
  callbackUrl: string;
  /** Shown on the prompt; becomes the paybill account number. */
  accountReference: string;
  /** Required in practice: Daraja answers `Invalid Remarks` without it. */
  transactionDesc: string;
  /** Paybill (default) or till. */
  transactionType?: StkTransactionType | undefined;
  /** Receiving party; defaults to the shortcode (paybill). Set the till number for `CustomerBuyGoodsOnline`. */
  partyB?: string | number | undefined;
  /** Overrides the configured shortcode. */
  businessShortCode?: string | number | undefined;
}

/** Input of `client.stk.query`. */
export interface StkQueryInput {
  checkoutRequestId: string;
  businessShortCode?: string | number | undefined;
}

const TRANSACTION_TYPES: readonly StkTransactionType[] = ['CustomerPayBillOnline', 'CustomerBuyGoodsOnline'];

/** M-Pesa Express: `POST /mpesa/stkpush/v1/processrequest` and `POST /mpesa/stkpushquery/v1/query`. */
export class StkApi {
  readonly #context: ApiContext;

  /** Creates the API over the shared context. */
  constructor(context: ApiContext) {
    this.#context = context;
  }

  /** Sends a payment prompt to the customer's phone; the outcome arrives later at `callbackUrl`. */
  async push(input: StkPushInput, options?: RequestOptions): Promise<StkPushAck> {
    const shortcode = resolveShortcode(this.#context, input.businessShortCode, 'businessShortCode');
    const transactionType = requireOneOf(
      input.transactionType ?? 'CustomerPayBillOnline',
      'transactionType',
      TRANSACTION_TYPES,
    );
    if (transactionType === 'CustomerBuyGoodsOnline' && input.partyB === undefined) {
      throw new DarajaValidationError(
        'partyB',
        'is required for CustomerBuyGoodsOnline: set it to the till number',
      );
    }
    const phone = normalizePhone(input.phoneNumber, 'phoneNumber');
    const body: StkPushRequest = {
      BusinessShortCode: shortcode,
      ...stkPassword(shortcode, this.#passkey(), this.#context.now),
      TransactionType: transactionType,
      Amount: requireAmount(input.amount),
      PartyA: phone,
      PartyB: input.partyB === undefined ? shortcode : requireDigits(input.partyB, 'partyB'),
      PhoneNumber: phone,
      CallBackURL: requireUrl(input.callbackUrl, 'callbackUrl', this.#context.production),
      AccountReference: requireText(input.accountReference, 'accountReference'),
      TransactionDesc: requireText(input.transactionDesc, 'transactionDesc'),
    };
    return this.#context.http.post<StkPushAck>(DarajaPaths.stkPush, body, options);
  }

  /**
   * Asks for the outcome of a push. `ResultCode` "4999" means still pending; older gateways instead
   * fail with TransactionInProgressError.
   */
  async query(input: StkQueryInput, options?: RequestOptions): Promise<StkQueryResponse> {
    const shortcode = resolveShortcode(this.#context, input.businessShortCode, 'businessShortCode');
    const body: StkQueryRequest = {
      BusinessShortCode: shortcode,
      ...stkPassword(shortcode, this.#passkey(), this.#context.now),
      CheckoutRequestID: requireText(input.checkoutRequestId, 'checkoutRequestId', 200),
    };
    return this.#context.http.post<StkQueryResponse>(DarajaPaths.stkQuery, body, options);
  }

  #passkey(): string {
    const passkey = this.#context.passkey;
    if (typeof passkey !== 'string' || passkey === '') {
      throw new DarajaValidationError('passkey', 'is required in the client config for STK push and query');
    }
    return passkey;
  }
}
