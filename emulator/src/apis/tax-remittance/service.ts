/**
 * Emulates tax remittance to KRA (`/mpesa/b2b/v1/remittax`): a business pays a declared tax, identified by
 * its PRN (AccountReference), from its Working Account to KRA's shortcode 572572, with a B2B-shaped Result.
 * Simplified: the PRN is not checked against any declaration (no tax-specific result code is published),
 * and KRA's shortcode must exist in the world (it does in the default one).
 */
import type { InitiatorAck } from 'daraja-client/wire';
import type { TransactionView } from 'daraja-client/emulator';
import { payBusiness, type BusinessPaymentDeps } from '../b2b/business-payment.js';
import { businessReferences } from '../b2b/result-values.js';
import type { TaxRemittanceInput } from './validate.js';

export type TaxRemittanceDeps = BusinessPaymentDeps;

export class TaxRemittanceService {
  constructor(private readonly deps: TaxRemittanceDeps) {}

  remit(
    input: TaxRemittanceInput,
    rawBody: unknown,
    appId: string | undefined,
    notes: string[],
  ): { ack: InitiatorAck; transaction: TransactionView } {
    return payBusiness(
      this.deps,
      {
        api: 'tax-remittance',
        input,
        // The portal's tax acknowledgement lists OriginatorConversationID first.
        ackOrder: 'originator-first',
        receiverKinds: ['paybill'],
        label: `Tax remittance (PRN ${input.accountReference})`,
        // The live sandbox's tax result carries the PRN, the internal queue URL and an empty Occassion.
        references: businessReferences(input.accountReference),
        rawBody,
        appId,
      },
      notes,
    );
  }
}
