import {
  DarajaPaths,
  type BillManagerAnswer,
  type BillManagerInvoice,
  type BillManagerOptInRequest,
  type BillManagerOptInResponse,
  type BillManagerReconciliation,
} from '../wire/index.js';
import type { RequestOptions } from '../http/transport.js';
import { DarajaValidationError } from '../errors/daraja-validation-error.js';
import { requireText, requireUrl } from '../validation/validate-input.js';
import type { ApiContext } from './api-context.js';
import { resolveShortcode } from './resolve-shortcode.js';

/** Input of `client.billManager.optIn` and `changeOptIn`. */
export interface BillerInput {
  /** Defaults to the configured shortcode. */
  shortcode?: string | number | undefined;
  email: string;
  officialContact: string;
  sendReminders: boolean;
  logo?: string | undefined;
  /** Where payments are pushed. */
  callbackUrl: string;
}

/** Bill Manager: `/v1/billmanager-invoice/*`. Every call after opt-in sends the opt-in's `app_key`. */
export class BillManagerApi {
  readonly #context: ApiContext;

  /** Creates the API over the shared context. */
  constructor(context: ApiContext) {
    this.#context = context;
  }

  /** Opts the shortcode in; keep the answer's `app_key` for every later call. */
  async optIn(input: BillerInput, options?: RequestOptions): Promise<BillManagerOptInResponse> {
    return this.#context.http.post(DarajaPaths.billManagerOptIn, this.#biller(input), options);
  }

  /** Changes the opt-in details (contact, reminders, logo, callback URL). */
  async changeOptIn(
    appKey: string,
    input: BillerInput,
    options?: RequestOptions,
  ): Promise<BillManagerAnswer> {
    return this.#post(DarajaPaths.billManagerChangeOptIn, appKey, this.#biller(input), options);
  }

  /** Sends one invoice by SMS; sending an unpaid invoice's externalReference again updates it. */
  async sendInvoice(
    appKey: string,
    invoice: BillManagerInvoice,
    options?: RequestOptions,
  ): Promise<BillManagerAnswer> {
    return this.#post(DarajaPaths.billManagerSingleInvoice, appKey, invoice, options);
  }

  /** Sends up to 1000 invoices in one call. */
  async sendInvoices(
    appKey: string,
    invoices: BillManagerInvoice[],
    options?: RequestOptions,
  ): Promise<BillManagerAnswer> {
    if (invoices.length === 0 || invoices.length > 1000)
      throw new DarajaValidationError('invoices', `must hold 1 to 1000 invoices; got ${invoices.length}`);
    return this.#post(DarajaPaths.billManagerBulkInvoices, appKey, invoices, options);
  }

  /** Cancels an unpaid invoice (`rescode` "409" when it is paid or partly paid). */
  async cancelInvoice(
    appKey: string,
    externalReference: string,
    options?: RequestOptions,
  ): Promise<BillManagerAnswer> {
    const body = { externalReference: requireText(externalReference, 'externalReference') };
    return this.#post(DarajaPaths.billManagerCancelInvoice, appKey, body, options);
  }

  /** Cancels several unpaid invoices. */
  async cancelInvoices(
    appKey: string,
    externalReferences: string[],
    options?: RequestOptions,
  ): Promise<BillManagerAnswer> {
    const body = externalReferences.map((ref) => ({
      externalReference: requireText(ref, 'externalReference'),
    }));
    return this.#post(DarajaPaths.billManagerCancelInvoices, appKey, body, options);
  }

  /** Acknowledges a pushed payment, so that M-Pesa sends the customer an e-receipt. */
  async reconcile(
    appKey: string,
    input: BillManagerReconciliation,
    options?: RequestOptions,
  ): Promise<BillManagerAnswer> {
    return this.#post(DarajaPaths.billManagerReconciliation, appKey, input, options);
  }

  #biller(input: BillerInput): BillManagerOptInRequest {
    return {
      shortcode: resolveShortcode(this.#context, input.shortcode, 'shortcode'),
      email: requireText(input.email, 'email'),
      officialContact: requireText(input.officialContact, 'officialContact'),
      sendReminders: input.sendReminders ? '1' : '0',
      ...(input.logo !== undefined ? { logo: input.logo } : {}),
      callbackurl: requireUrl(input.callbackUrl, 'callbackUrl', this.#context.production),
    };
  }

  #post(path: string, appKey: string, body: object, options?: RequestOptions): Promise<BillManagerAnswer> {
    return this.#context.http.post(path, body, options, { appKey: requireText(appKey, 'appKey') });
  }
}
