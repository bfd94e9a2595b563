import { DarajaPaths, type InitiatorAck, type ReversalRequest } from '../wire/index.js';
import type { RequestOptions } from '../http/transport.js';
import { optionalText, requireAmount, requireText, requireUrl } from '../validation/validate-input.js';
import type { ApiContext } from './api-context.js';
import { resolveShortcode } from './resolve-shortcode.js';

/** Input of `client.reversal.request`. */
export interface ReversalInput {
  /** The receipt to reverse (C2B or M-Pesa Express; B2C cannot be reversed by API). */
  transactionId: string;
  amount: number;
  remarks: string;
  resultUrl: string;
  queueTimeOutUrl: string;
  occasion?: string | undefined;
  /** Your shortcode; defaults to the configured shortcode. */
  receiverParty?: string | number | undefined;
  /** Default `11`, as Daraja documents for reversals. */
  receiverIdentifierType?: string | number | undefined;
}

/** Reversal: `POST /mpesa/reversal/v1/request`. */
export class ReversalApi {
  readonly #context: ApiContext;

  /** Creates the API over the shared context. */
  constructor(context: ApiContext) {
    this.#context = context;
  }

  /** Requests the reversal of a payment; the outcome arrives later at `resultUrl`. */
  async request(input: ReversalInput, options?: RequestOptions): Promise<InitiatorAck> {
    const { production, initiator } = this.#context;
    const body: ReversalRequest = {
      Initiator: initiator.name(),
      SecurityCredential: initiator.securityCredential(),
      CommandID: 'TransactionReversal',
      TransactionID: requireText(input.transactionId, 'transactionId', 20),
      Amount: requireAmount(input.amount),
      ReceiverParty: resolveShortcode(this.#context, input.receiverParty, 'receiverParty'),
      // Safaricom's spelling: `Reciever`.
      RecieverIdentifierType: String(input.receiverIdentifierType ?? 11),
      ResultURL: requireUrl(input.resultUrl, 'resultUrl', production),
      QueueTimeOutURL: requireUrl(input.queueTimeOutUrl, 'queueTimeOutUrl', production),
      Remarks: requireText(input.remarks, 'remarks'),
    };
    const occasion = optionalText(input.occasion, 'occasion');
    if (occasion !== undefined) body.Occasion = occasion;
    return this.#context.http.post<InitiatorAck>(DarajaPaths.reversal, body, options);
  }
}
