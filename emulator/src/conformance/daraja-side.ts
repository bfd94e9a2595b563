import { DarajaClient } from 'daraja-client';
import type { ConformanceFamily, VariantValues } from 'daraja-client/emulator';
import { SANDBOX_INITIATOR, SANDBOX_PASSKEY, SANDBOX_SHORTCODE } from '../config/defaults.js';
import type { ControlClient } from './control-client.js';

/** The C2B URLs of the app under test, registered by the runner with each variant's ResponseType. */
export interface C2bUrls {
  confirmationUrl: string;
  validationUrl?: string;
}

/**
 * The runner's Daraja calls, made through the emulator's public API like any app: registering the app's C2B
 * URLs, and, when the emulator plays the app itself (a variant fired at a bare URL), starting the payment.
 */
export class DarajaSide {
  #client: DarajaClient | undefined;

  constructor(private readonly control: ControlClient) {}

  async #daraja(): Promise<DarajaClient> {
    this.#client ??= new DarajaClient({
      baseUrl: this.control.baseUrl,
      consumerKey: 'conformance-runner',
      consumerSecret: 'conformance-runner',
      shortcode: SANDBOX_SHORTCODE,
      passkey: SANDBOX_PASSKEY,
      initiatorName: SANDBOX_INITIATOR.name,
      initiatorPassword: SANDBOX_INITIATOR.password,
      certificate: await this.control.certificate(),
    });
    return this.#client;
  }

  async registerC2b(
    shortcode: string,
    urls: C2bUrls,
    responseType: 'Completed' | 'Cancelled',
    version: 'v1' | 'v2',
  ) {
    await (
      await this.#daraja()
    ).c2b.registerUrls({
      shortCode: shortcode,
      confirmationUrl: urls.confirmationUrl,
      ...(urls.validationUrl ? { validationUrl: urls.validationUrl } : {}),
      responseType,
      version,
    });
  }

  /** Starts the payment (or query) a variant of `family` needs, with `url` as its callback URL. */
  async start(family: ConformanceFamily, values: VariantValues, url: string): Promise<string> {
    const daraja = await this.#daraja();
    const amount = Number(values.Amount ?? 10);
    const remarks = `conformance ${values.AccountReference ?? ''}`.trim();
    const urls = { resultUrl: url, queueTimeOutUrl: url };
    switch (family) {
      case 'stk': {
        const ack = await daraja.stk.push({
          amount,
          phoneNumber: values.PhoneNumber ?? '',
          callbackUrl: url,
          accountReference: values.AccountReference ?? 'conformance',
          transactionDesc: 'Conformance',
        });
        return `STK push ${ack.CheckoutRequestID} with CallBackURL ${url}`;
      }
      case 'c2b':
        // The runner registers `url` as the C2B URLs; the customer's payment is the trigger.
        return `C2B URLs of ${values.ShortCode} point at ${url}`;
      case 'b2c': {
        const ack = await daraja.b2c.pay({
          amount,
          phoneNumber: values.PhoneNumber ?? '',
          remarks,
          partyA: values.ShortCode,
          ...urls,
        });
        return `B2C payment ${ack.ConversationID} with ResultURL ${url}`;
      }
      case 'transaction-status': {
        const ack = await daraja.transactionStatus.query({
          transactionId: values.TransactionID,
          partyA: values.ShortCode,
          remarks,
          ...urls,
        });
        return `Transaction Status ${ack.ConversationID} with ResultURL ${url}`;
      }
      case 'account-balance': {
        const ack = await daraja.accountBalance.query({ partyA: values.ShortCode, remarks, ...urls });
        return `Account Balance ${ack.ConversationID} with ResultURL ${url}`;
      }
      case 'reversal': {
        const ack = await daraja.reversal.request({
          transactionId: values.TransactionID ?? '',
          amount,
          receiverParty: values.ShortCode,
          remarks,
          ...urls,
        });
        return `Reversal ${ack.ConversationID} with ResultURL ${url}`;
      }
    }
  }
}
