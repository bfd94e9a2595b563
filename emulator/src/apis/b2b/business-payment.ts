import type { InitiatorAck, ResultKeyValue } from 'daraja-client/wire';
import type { ShortcodeKind, TransactionView } from 'daraja-client/emulator';
import type { InitiatorFlow } from '../initiator/initiator-flow.js';
import { businessTransfer, type BusinessTransferDeps } from './business-transfer.js';
import type { BusinessPaymentInput } from './validate.js';

export interface BusinessPaymentDeps extends BusinessTransferDeps {
  /** The initiator flow: credential check, forced outcomes, Result through the outbox, transaction record. */
  initiator: Pick<InitiatorFlow, 'handle'>;
}

export interface BusinessPaymentRequest {
  api: 'b2b' | 'tax-remittance';
  input: BusinessPaymentInput;
  ackOrder: 'conversation-first' | 'originator-first';
  receiverKinds: readonly ShortcodeKind[];
  label: string;
  references: ResultKeyValue[];
  rawBody: unknown;
  appId: string | undefined;
}

/**
 * One organisation pays another through the initiator flow: the flow B2B and tax remittance share. Failures
 * carry only the references; success moves the money (businessTransfer).
 */
export function payBusiness(
  deps: BusinessPaymentDeps,
  req: BusinessPaymentRequest,
  notes: string[],
): { ack: InitiatorAck; transaction: TransactionView } {
  const { input, references } = req;
  return deps.initiator.handle(
    {
      api: req.api,
      shortcode: input.partyA,
      initiatorName: input.initiatorName,
      credential: input.credential,
      resultUrl: input.resultUrl,
      queueTimeoutUrl: input.queueTimeoutUrl,
      ackOrder: req.ackOrder,
      rawBody: req.rawBody,
      appId: req.appId,
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
          deps,
          {
            partyA: input.partyA,
            partyB: input.partyB,
            amount: input.amount,
            receiverKinds: req.receiverKinds,
            label: req.label,
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
