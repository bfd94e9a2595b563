/**
 * Emulates B2B payments (`/mpesa/b2b/v1/paymentrequest`): BusinessPayBill to a paybill, BusinessBuyGoods to a
 * till and BusinessPayToBulk (B2C account top-up). Money moves between two organisations' accounts on the
 * shared ledger, so both sides' Account Balance and Transaction Status see it. The ack comes at once; the
 * Result goes to ResultURL after `initiator.resultDelayMs`. Simplified: no B2B charges (the 2025 samples show
 * an empty DebitPartyCharges), no per-role initiator permissions, and any paybill or B2C shortcode takes a
 * top-up.
 */
import type { InitiatorAck } from 'daraja-client/wire';
import type { ShortcodeKind, TransactionView } from 'daraja-client/emulator';
import type { IdFactory } from '../../ids/ids.js';
import type { Ledger } from '../../ledger/ledger.js';
import type { InitiatorDesk } from '../initiator/desk.js';
import { businessTransfer } from './business-transfer.js';
import { businessReferences } from './result-values.js';
import type { B2BInput } from './validate.js';

export interface B2BDeps {
  /** The initiator desk: credential check, forced outcomes, Result through the outbox, transaction record. */
  desk: Pick<InitiatorDesk, 'handle'>;
  ledger: Ledger;
  ids: IdFactory;
}

/** Which shortcodes each command pays. */
const RECEIVERS: Record<B2BInput['commandId'], readonly ShortcodeKind[]> = {
  BusinessPayBill: ['paybill'],
  BusinessBuyGoods: ['till'],
  BusinessPayToBulk: ['b2c', 'paybill'],
};

export class B2BService {
  constructor(private readonly deps: B2BDeps) {}

  pay(
    input: B2BInput,
    rawBody: unknown,
    appId: string | undefined,
    notes: string[],
  ): { ack: InitiatorAck; transaction: TransactionView } {
    const references = businessReferences(input.accountReference, input.occasion);
    return this.deps.desk.handle(
      {
        api: 'b2b',
        shortcode: input.partyA,
        initiatorName: input.initiatorName,
        credential: input.credential,
        resultUrl: input.resultUrl,
        queueTimeoutUrl: input.queueTimeoutUrl,
        ackOrder: 'conversation-first',
        rawBody,
        appId,
        fields: {
          amount: input.amount,
          description: input.remarks,
          partyB: input.partyB,
          ...(input.accountReference !== undefined ? { accountReference: input.accountReference } : {}),
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
              receiverKinds: RECEIVERS[input.commandId],
              label: `B2B ${input.commandId}`,
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
