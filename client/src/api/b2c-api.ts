import {
  type B2CCommandId,
  type B2CV1Request,
  type B2CV3Request,
  type B2PochiRequest,
  DarajaPaths,
  type InitiatorAck,
} from '../wire/index.js';
import type { RequestOptions } from '../http/transport.js';
import { normalizePhone } from '../validation/normalize-phone.js';
import {
  optionalText,
  requireAmount,
  requireOneOf,
  requireText,
  requireUrl,
} from '../validation/validate-input.js';
import type { ApiContext } from './api-context.js';
import { resolveShortcode } from './resolve-shortcode.js';

/** Input of `client.b2c.pay`. */
export interface B2CPayInput {
  /** Whole shillings, ≥ 1 (Daraja's own minimum for B2C is 10, reported in the result). */
  amount: number;
  /** The customer receiving the money (sent as `PartyB`). */
  phoneNumber: string | number;
  remarks: string;
  resultUrl: string;
  queueTimeOutUrl: string;
  /** Default `BusinessPayment`. */
  commandId?: B2CCommandId | undefined;
  occasion?: string | undefined;
  /** The paying B2C shortcode; defaults to the configured shortcode. */
  partyA?: string | number | undefined;
  /** v3 only: your idempotency key. Generated when omitted; reuse it to retry safely. */
  originatorConversationId?: string | undefined;
  /** Default `v3`; `v1` is the legacy endpoint. */
  version?: 'v1' | 'v3' | undefined;
}

const COMMAND_IDS: readonly B2CCommandId[] = ['BusinessPayment', 'SalaryPayment', 'PromotionPayment'];

/** Input of `client.b2c.payToPochi`: a B2C payment to a Pochi la Biashara wallet (always v3-shaped). */
export type B2PochiPayInput = Omit<B2CPayInput, 'commandId' | 'version'>;

/** Business to Customer: `POST /mpesa/b2c/v3/paymentrequest` (or the legacy v1 path). */
export class B2CApi {
  readonly #context: ApiContext;

  /** Creates the API over the shared context. */
  constructor(context: ApiContext) {
    this.#context = context;
  }

  /** Pays a customer from a B2C shortcode; the outcome arrives later at `resultUrl`. */
  async pay(input: B2CPayInput, options?: RequestOptions): Promise<InitiatorAck> {
    const version = requireOneOf(input.version ?? 'v3', 'version', ['v1', 'v3'] as const);
    const common: Omit<B2CV1Request, 'Occasion'> = {
      CommandID: requireOneOf(input.commandId ?? 'BusinessPayment', 'commandId', COMMAND_IDS),
      ...this.#parties(input),
    };
    const occasion = optionalText(input.occasion, 'occasion');
    if (version === 'v1') {
      const body: B2CV1Request = occasion === undefined ? common : { ...common, Occasion: occasion };
      return this.#context.http.post<InitiatorAck>(DarajaPaths.b2cV1, body, options);
    }
    const body: B2CV3Request = { OriginatorConversationID: this.#originatorId(input), ...common };
    // v3 documents the misspelt `Occassion`; the sandbox accepts both spellings.
    if (occasion !== undefined) body.Occassion = occasion;
    return this.#context.http.post<InitiatorAck>(DarajaPaths.b2cV3, body, options);
  }

  /** Pays a customer's Pochi la Biashara wallet (`/mpesa/b2pochi/v1/paymentrequest`); the result arrives at `resultUrl`. */
  async payToPochi(input: B2PochiPayInput, options?: RequestOptions): Promise<InitiatorAck> {
    const occasion = optionalText(input.occasion, 'occasion');
    const body: B2PochiRequest = {
      OriginatorConversationID: this.#originatorId(input),
      CommandID: 'BusinessPayToPochi',
      ...this.#parties(input),
    };
    if (occasion !== undefined) body.Occassion = occasion;
    return this.#context.http.post<InitiatorAck>(DarajaPaths.b2pochi, body, options);
  }

  /** The fields every B2C-family request shares: initiator, amount, parties, remarks and URLs. */
  #parties(input: B2PochiPayInput): Omit<B2CV1Request, 'Occasion' | 'CommandID'> {
    const { production, initiator } = this.#context;
    return {
      InitiatorName: initiator.name(),
      SecurityCredential: initiator.securityCredential(),
      Amount: requireAmount(input.amount),
      PartyA: resolveShortcode(this.#context, input.partyA, 'partyA'),
      PartyB: normalizePhone(input.phoneNumber, 'phoneNumber'),
      Remarks: requireText(input.remarks, 'remarks'),
      QueueTimeOutURL: requireUrl(input.queueTimeOutUrl, 'queueTimeOutUrl', production),
      ResultURL: requireUrl(input.resultUrl, 'resultUrl', production),
    };
  }

  /** The caller's idempotency key, or a new one. */
  #originatorId(input: B2PochiPayInput): string {
    return input.originatorConversationId === undefined
      ? this.#context.generateId()
      : requireText(input.originatorConversationId, 'originatorConversationId', 128);
  }
}
