import { DarajaPaths, type InitiatorAck, type TransactionStatusRequest } from '../wire/index.js';
import { DarajaValidationError } from '../errors/daraja-validation-error.js';
import type { RequestOptions } from '../http/transport.js';
import {
  optionalText,
  requireDigits,
  requireOneOf,
  requireText,
  requireUrl,
} from '../validation/validate-input.js';
import type { ApiContext } from './api-context.js';

/** `1` MSISDN, `2` till, `4` organisation shortcode. */
export type IdentifierType = 1 | 2 | 4;

/** Input of `client.transactionStatus.query`: give `transactionId`, `originalConversationId`, or both. */
export interface TransactionStatusInput {
  /** The M-Pesa receipt, e.g. `TAH5J2K991`. */
  transactionId?: string | undefined;
  /** The OriginatorConversationID of the request to check. */
  originalConversationId?: string | undefined;
  remarks: string;
  resultUrl: string;
  queueTimeOutUrl: string;
  occasion?: string | undefined;
  /** The shortcode (or MSISDN) that took part; defaults to the configured shortcode. */
  partyA?: string | number | undefined;
  /** Default `4` (shortcode). */
  identifierType?: IdentifierType | undefined;
}

/** Transaction Status: `POST /mpesa/transactionstatus/v1/query`. */
export class TransactionStatusApi {
  readonly #context: ApiContext;

  /** Creates the API over the shared context. */
  constructor(context: ApiContext) {
    this.#context = context;
  }

  /** Asks for the status of a transaction; the answer arrives later at `resultUrl`. */
  async query(input: TransactionStatusInput, options?: RequestOptions): Promise<InitiatorAck> {
    const { production, initiator } = this.#context;
    if (input.transactionId === undefined && input.originalConversationId === undefined) {
      throw new DarajaValidationError('transactionId', 'or originalConversationId is required');
    }
    const partyA = input.partyA ?? this.#context.shortcode;
    if (partyA === undefined) {
      throw new DarajaValidationError('partyA', 'is required: pass it or set shortcode in the client config');
    }
    const body: TransactionStatusRequest = {
      Initiator: initiator.name(),
      SecurityCredential: initiator.securityCredential(),
      CommandID: 'TransactionStatusQuery',
      // A shortcode, or a 12-digit MSISDN when the identifier type is 1.
      PartyA: requireDigits(partyA, 'partyA', 5, 12),
      IdentifierType: String(requireOneOf(input.identifierType ?? 4, 'identifierType', [1, 2, 4] as const)),
      ResultURL: requireUrl(input.resultUrl, 'resultUrl', production),
      QueueTimeOutURL: requireUrl(input.queueTimeOutUrl, 'queueTimeOutUrl', production),
      Remarks: requireText(input.remarks, 'remarks'),
    };
    const transactionId = optionalText(input.transactionId, 'transactionId', 20);
    if (transactionId !== undefined) body.TransactionID = transactionId;
    const conversationId = optionalText(input.originalConversationId, 'originalConversationId', 128);
    if (conversationId !== undefined) body.OriginalConversationID = conversationId;
    const occasion = optionalText(input.occasion, 'occasion');
    if (occasion !== undefined) body.Occasion = occasion;
    return this.#context.http.post<InitiatorAck>(DarajaPaths.transactionStatus, body, options);
  }
}
