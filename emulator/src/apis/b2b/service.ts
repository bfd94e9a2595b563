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
import { payBusiness, type BusinessPaymentDeps } from './business-payment.js';
import { businessReferences } from './result-values.js';
import type { B2BInput } from './validate.js';

export type B2BDeps = BusinessPaymentDeps;

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
    return payBusiness(
      this.deps,
      {
        api: 'b2b',
        input,
        ackOrder: 'conversation-first',
        receiverKinds: RECEIVERS[input.commandId],
        label: `B2B ${input.commandId}`,
        references: businessReferences(input.accountReference, input.occasion),
        rawBody,
        appId,
      },
      notes,
    );
  }
}
