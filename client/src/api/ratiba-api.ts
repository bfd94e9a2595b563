import {
  DarajaPaths,
  RatibaFrequencyCodes,
  RatibaTransactionTypes,
  type RatibaAck,
  type RatibaFrequency,
  type RatibaRequest,
} from '../wire/index.js';
import type { RequestOptions } from '../http/transport.js';
import { DarajaValidationError } from '../errors/daraja-validation-error.js';
import { normalizePhone } from '../validation/normalize-phone.js';
import { requireAmount, requireText, requireUrl } from '../validation/validate-input.js';
import type { ApiContext } from './api-context.js';
import { resolveShortcode } from './resolve-shortcode.js';

/** Input of `client.ratiba.createStandingOrder`. */
export interface StandingOrderInput {
  /** Unique per customer. */
  name: string;
  /** `yyyymmdd`, or a Date (its East Africa date). */
  startDate: string | Date;
  endDate: string | Date;
  /** Shillings debited at every execution. */
  amount: number;
  /** The payer, `2547…` or `07…`. */
  phoneNumber: string | number;
  frequency: RatibaFrequency;
  callbackUrl: string;
  accountReference: string;
  description: string;
  /** The receiving paybill or till; defaults to the configured shortcode. */
  shortcode?: string | number | undefined;
  /** Default `paybill`. */
  receiver?: 'paybill' | 'till' | undefined;
  /** Which published `Frequency` codes the account uses; default `aug-2026`. */
  frequencyCodes?: 'aug-2026' | 'dec-2025' | undefined;
  /** Your id for the order, echoed as `requestRefID` in the callback. */
  customStoId?: string | undefined;
}

/** M-Pesa Ratiba: `POST /standingorder/v1/createStandingOrderExternal`. */
export class RatibaApi {
  readonly #context: ApiContext;

  /** Creates the API over the shared context. */
  constructor(context: ApiContext) {
    this.#context = context;
  }

  /**
   * Asks the customer to approve a standing order on their phone; whether it was created arrives later at
   * `callbackUrl` (see `parseRatibaCallback`).
   */
  async createStandingOrder(input: StandingOrderInput, options?: RequestOptions): Promise<RatibaAck> {
    const receiver = input.receiver ?? 'paybill';
    const codes = RatibaFrequencyCodes[input.frequencyCodes ?? 'aug-2026'];
    const frequency = Object.entries(codes).find(([, name]) => name === input.frequency)?.[0];
    if (frequency === undefined)
      throw new DarajaValidationError(
        'frequency',
        `${input.frequency} has no code in the ${input.frequencyCodes ?? 'aug-2026'} set`,
      );
    const body: RatibaRequest = {
      StandingOrderName: requireText(input.name, 'name'),
      StartDate: ymd(input.startDate, 'startDate'),
      EndDate: ymd(input.endDate, 'endDate'),
      BusinessShortCode: resolveShortcode(this.#context, input.shortcode, 'shortcode'),
      TransactionType: RatibaTransactionTypes[receiver][0],
      ReceiverPartyIdentifierType: receiver === 'paybill' ? '4' : '2',
      Amount: String(requireAmount(input.amount)),
      PartyA: normalizePhone(input.phoneNumber, 'phoneNumber'),
      CallBackURL: requireUrl(input.callbackUrl, 'callbackUrl', this.#context.production),
      AccountReference: requireText(input.accountReference, 'accountReference', 12),
      TransactionDesc: requireText(input.description, 'description'),
      Frequency: frequency,
      ...(input.customStoId ? { CustomStoId: input.customStoId } : {}),
    };
    return this.#context.http.post<RatibaAck>(DarajaPaths.ratiba, body, options);
  }
}

function ymd(value: string | Date, field: string): string {
  if (value instanceof Date) {
    const eat = new Date(value.getTime() + 3 * 60 * 60 * 1000);
    return eat.toISOString().slice(0, 10).replaceAll('-', '');
  }
  if (!/^\d{8}$/.test(value))
    throw new DarajaValidationError(field, `must be yyyymmdd; got ${JSON.stringify(value)}`);
  return value;
}
