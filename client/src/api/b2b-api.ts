import {
  DarajaPaths,
  KRA_SHORTCODE,
  TAX_COMMAND_ID,
  type B2BCommandId,
  type B2BRequest,
  type InitiatorAck,
  type TaxRemittanceRequest,
} from '../wire/index.js';
import type { RequestOptions } from '../http/transport.js';
import { normalizePhone } from '../validation/normalize-phone.js';
import {
  optionalText,
  requireAmount,
  requireDigits,
  requireText,
  requireUrl,
} from '../validation/validate-input.js';
import type { ApiContext } from './api-context.js';
import { resolveShortcode } from './resolve-shortcode.js';

/** What every B2B payment takes. */
interface B2BCommon {
  amount: number;
  /** The receiving shortcode (paybill, till or B2C shortcode). */
  partyB: string | number;
  remarks: string;
  resultUrl: string;
  queueTimeOutUrl: string;
  /** Your shortcode; defaults to the configured shortcode. */
  partyA?: string | number | undefined;
  /** The customer you pay on behalf of, if any. */
  requester?: string | number | undefined;
  occasion?: string | undefined;
}

/** Input of `client.b2b.payBill`: the account at the receiving paybill is required. */
export interface B2BPayBillInput extends B2BCommon {
  accountReference: string;
}

/** Input of `client.b2b.buyGoods` and `client.b2b.payToBulk`. */
export interface B2BPaymentInput extends B2BCommon {
  accountReference?: string | undefined;
}

/** Input of `client.b2b.remitTax`. */
export interface TaxRemittanceInput {
  amount: number;
  /** The payment registration number KRA issued for the declaration. */
  prn: string;
  remarks: string;
  resultUrl: string;
  queueTimeOutUrl: string;
  /** Your shortcode; defaults to the configured shortcode. */
  partyA?: string | number | undefined;
}

/** B2B payments (`POST /mpesa/b2b/v1/paymentrequest`) and tax remittance (`POST /mpesa/b2b/v1/remittax`). */
export class B2BApi {
  readonly #context: ApiContext;

  /** Creates the API over the shared context. */
  constructor(context: ApiContext) {
    this.#context = context;
  }

  /** Pays a paybill (`BusinessPayBill`); the outcome arrives later at `resultUrl`. */
  payBill(input: B2BPayBillInput, options?: RequestOptions): Promise<InitiatorAck> {
    return this.#pay('BusinessPayBill', input, options);
  }

  /** Pays a till (`BusinessBuyGoods`). */
  buyGoods(input: B2BPaymentInput, options?: RequestOptions): Promise<InitiatorAck> {
    return this.#pay('BusinessBuyGoods', input, options);
  }

  /** Tops up a B2C shortcode's Utility Account from your Working Account (`BusinessPayToBulk`). */
  payToBulk(input: B2BPaymentInput, options?: RequestOptions): Promise<InitiatorAck> {
    return this.#pay('BusinessPayToBulk', input, options);
  }

  /** Pays tax to KRA (shortcode 572572) against a PRN. */
  async remitTax(input: TaxRemittanceInput, options?: RequestOptions): Promise<InitiatorAck> {
    const { production, initiator } = this.#context;
    const body: TaxRemittanceRequest = {
      Initiator: initiator.name(),
      SecurityCredential: initiator.securityCredential(),
      CommandID: TAX_COMMAND_ID,
      SenderIdentifierType: '4',
      RecieverIdentifierType: '4',
      Amount: requireAmount(input.amount),
      PartyA: resolveShortcode(this.#context, input.partyA, 'partyA'),
      PartyB: KRA_SHORTCODE,
      AccountReference: requireText(input.prn, 'prn'),
      Remarks: requireText(input.remarks, 'remarks'),
      QueueTimeOutURL: requireUrl(input.queueTimeOutUrl, 'queueTimeOutUrl', production),
      ResultURL: requireUrl(input.resultUrl, 'resultUrl', production),
    };
    return this.#context.http.post<InitiatorAck>(DarajaPaths.taxRemittance, body, options);
  }

  async #pay(
    commandId: B2BCommandId,
    input: B2BPaymentInput,
    options?: RequestOptions,
  ): Promise<InitiatorAck> {
    const { production, initiator } = this.#context;
    const reference =
      commandId === 'BusinessPayBill'
        ? requireText(input.accountReference, 'accountReference')
        : optionalText(input.accountReference, 'accountReference');
    const occasion = optionalText(input.occasion, 'occasion');
    // Keys in the documented order; Safaricom spells `RecieverIdentifierType` and `Occassion`.
    const body: B2BRequest = {
      Initiator: initiator.name(),
      SecurityCredential: initiator.securityCredential(),
      CommandID: commandId,
      SenderIdentifierType: '4',
      RecieverIdentifierType: '4',
      Amount: requireAmount(input.amount),
      PartyA: resolveShortcode(this.#context, input.partyA, 'partyA'),
      PartyB: requireDigits(input.partyB, 'partyB'),
      ...(reference !== undefined ? { AccountReference: reference } : {}),
      ...(input.requester !== undefined ? { Requester: normalizePhone(input.requester, 'requester') } : {}),
      Remarks: requireText(input.remarks, 'remarks'),
      QueueTimeOutURL: requireUrl(input.queueTimeOutUrl, 'queueTimeOutUrl', production),
      ResultURL: requireUrl(input.resultUrl, 'resultUrl', production),
      ...(occasion !== undefined ? { Occassion: occasion } : {}),
    };
    return this.#context.http.post<InitiatorAck>(DarajaPaths.b2b, body, options);
  }
}
