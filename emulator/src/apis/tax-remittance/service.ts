/**
 * Emulates tax remittance to KRA (`/mpesa/b2b/v1/remittax`): a business pays a declared tax, identified by
 * its PRN (AccountReference), from its Working Account to KRA's shortcode 572572, with a B2B-shaped Result.
 * Simplified: the PRN is not checked against any declaration (no tax-specific result code is published),
 * and KRA's shortcode must exist in the world (it does in the default one).
 */
import type { InitiatorAck } from 'daraja-client/wire';
import type { TransactionView } from 'daraja-client/emulator';
import { businessTransfer, type BusinessTransferDeps } from '../b2b/business-transfer.js';
import { businessReferences } from '../b2b/result-values.js';
import type { B2BDeps } from '../b2b/service.js';
import type { TaxRemittanceInput } from './validate.js';

export type TaxRemittanceDeps = Pick<B2BDeps, 'desk'> & BusinessTransferDeps;

export class TaxRemittanceService {
  constructor(private readonly deps: TaxRemittanceDeps) {}

  remit(
    input: TaxRemittanceInput,
    rawBody: unknown,
    appId: string | undefined,
    notes: string[],
  ): { ack: InitiatorAck; transaction: TransactionView } {
    // The live sandbox's tax result carries the PRN, the internal queue URL and an empty Occassion.
    const references = businessReferences(input.accountReference);
    return this.deps.desk.handle(
      {
        api: 'tax-remittance',
        shortcode: input.partyA,
        initiatorName: input.initiatorName,
        credential: input.credential,
        resultUrl: input.resultUrl,
        queueTimeoutUrl: input.queueTimeoutUrl,
        ackOrder: 'originator-first',
        rawBody,
        appId,
        fields: {
          amount: input.amount,
          description: input.remarks,
          partyB: input.partyB,
          accountReference: input.accountReference,
        },
      },
      {
        failure: () => ({ references }),
        process: (now, transactionId) =>
          businessTransfer(
            this.deps,
            {
              partyA: input.partyA,
              partyB: input.partyB,
              amount: input.amount,
              receiverKinds: ['paybill'],
              label: `Tax remittance (PRN ${input.accountReference})`,
              references,
            },
            now,
            transactionId,
            notes,
          ),
      },
      notes,
    );
  }
}
