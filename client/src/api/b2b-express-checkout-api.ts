import { type B2bExpressCheckoutAck, type B2bExpressCheckoutRequest, DarajaPaths } from '../wire/index.js';
import type { RequestOptions } from '../http/transport.js';
import { requireAmount, requireDigits, requireText, requireUrl } from '../validation/validate-input.js';
import type { ApiContext } from './api-context.js';

/** Input of `client.b2bExpressCheckout.push`. */
export interface B2bExpressCheckoutInput {
  /** The merchant's till to charge; its nominated phone gets the prompt. */
  tillNumber: string | number;
  /** Your paybill (or till), credited when the operator pays. */
  receiverShortCode: string | number;
  amount: number;
  /** Shown to the operator; returned as `paymentReference` if they cancel. */
  paymentRef: string;
  callbackUrl: string;
  /** Your name as the operator sees it. */
  partnerName: string;
  /** Unique per request (echoed as `requestId`); a UUID is generated when left out. */
  requestRefId?: string | undefined;
}

/** B2B Express Checkout: a USSD push asking a merchant's till operator to pay you. */
export class B2bExpressCheckoutApi {
  readonly #context: ApiContext;

  /** Creates the API over the shared context. */
  constructor(context: ApiContext) {
    this.#context = context;
  }

  /** Sends the push (`/v1/ussdpush/get-msisdn`); the outcome arrives later at `callbackUrl`. */
  async push(input: B2bExpressCheckoutInput, options?: RequestOptions): Promise<B2bExpressCheckoutAck> {
    const body: B2bExpressCheckoutRequest = {
      primaryShortCode: requireDigits(String(input.tillNumber), 'tillNumber'),
      receiverShortCode: requireDigits(String(input.receiverShortCode), 'receiverShortCode'),
      amount: String(requireAmount(input.amount)),
      paymentRef: requireText(input.paymentRef, 'paymentRef'),
      callbackUrl: requireUrl(input.callbackUrl, 'callbackUrl', this.#context.production),
      partnerName: requireText(input.partnerName, 'partnerName'),
      RequestRefID: input.requestRefId ?? this.#context.generateId(),
    };
    return this.#context.http.post<B2bExpressCheckoutAck>(DarajaPaths.b2bExpressCheckout, body, options);
  }
}
