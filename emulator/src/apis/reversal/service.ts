/**
 * Emulates Reversal: a business gives back a customer's earlier STK or C2B payment. The ledger movement of
 * the original receipt is undone from the account it credited, the original transaction becomes
 * "reversed" and the customer gets an SMS. Simplified: only whole payments are reversed (Amount must equal
 * the original amount), there is no approval step, and reversals are free.
 */
import {
  INTERNAL_QUEUE_URLS,
  ReversalResult,
  type InitiatorAck,
  type ResultCodeEntry,
} from 'daraja-client/wire';
import type { TransactionView } from 'daraja-client/emulator';
import type { Ledger } from '../../ledger/ledger.js';
import type { IdFactory } from '../../ids/ids.js';
import type { Messages } from '../../ledger/messages.js';
import type { Transactions } from '../../ledger/transactions.js';
import type { InitiatorFlow } from '../initiator/initiator-flow.js';
import { toCents, toShillings, type MovementRecord } from '../../ledger/records.js';
import { reversedSms } from '../../ledger/sms-text.js';
import { eatTimestamp } from '../../time/eat.js';
import { accountLine } from '../account-balance/balance-string.js';
import type { Handled } from '../initiator/initiator-flow.js';
import { kv } from '../initiator/result-body.js';
import type { ReversalInput } from './validate.js';

const references = [kv('QueueTimeoutURL', INTERNAL_QUEUE_URLS.reversal)];

export interface ReversalDeps {
  ledger: Ledger;
  ids: IdFactory;
  messages: Messages;
  transactions: Transactions;
  initiator: InitiatorFlow;
}

export class ReversalService {
  constructor(private readonly deps: ReversalDeps) {}

  reverse(
    input: ReversalInput,
    rawBody: unknown,
    appId: string | undefined,
    notes: string[],
  ): { ack: InitiatorAck; transaction: TransactionView } {
    const original = this.deps.transactions.find(input.transactionId);
    return this.deps.initiator.handle(
      {
        api: 'reversal',
        shortcode: input.receiverParty,
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
          originalTransactionId: input.transactionId,
          ...(original?.phone ? { phone: original.phone } : {}),
        },
      },
      {
        failure: () => ({ references }),
        process: (now, transactionId) => this.#process(input, original, now, transactionId, notes),
      },
      notes,
    );
  }

  #process(
    input: ReversalInput,
    original: TransactionView | undefined,
    now: number,
    transactionId: string,
    notes: string[],
  ): Handled {
    const { ledger, ids, messages, transactions } = this.deps;
    const fail = (result: ResultCodeEntry, why: string): Handled => {
      notes.push(why);
      return { result, references };
    };
    const receipt = input.transactionId;
    if (!original || original.receipt !== receipt)
      return fail(ReversalResult.invalidOriginal, `No payment with receipt ${receipt} exists here.`);
    if (original.type === 'b2c' || original.type === 'b2pochi') {
      return fail(
        ReversalResult.invalidOriginal,
        `${receipt} is a ${original.type} payment; Daraja does not reverse B2C payments through the API.`,
      );
    }
    if (original.type === 'b2b' || original.type === 'tax-remittance') {
      return fail(
        ReversalResult.invalidOriginal,
        `${receipt} is a ${original.type} payment between organisations; Daraja's Reversal API reverses customer payments only (the payer asks the receiver to reverse through M-Pesa customer care).`,
      );
    }
    if (original.status === 'reversed') {
      return fail(
        ReversalResult.alreadyReversed,
        `${receipt} was already reversed${original.reversedBy ? ` by ${original.reversedBy}` : ''}.`,
      );
    }
    const paid = this.#paymentMovement(receipt);
    if (
      !paid ||
      paid.from.type !== 'customer' ||
      paid.to.type !== 'org' ||
      (original.type !== 'stk' && original.type !== 'c2b')
    ) {
      return fail(
        ReversalResult.invalidOriginal,
        `${receipt} is not a customer payment to a business that can be reversed.`,
      );
    }
    const { from: customer, to: org } = paid;
    if (org.shortcode !== input.receiverParty) {
      return fail(
        ReversalResult.invalidOriginal,
        `${receipt} was paid to ${org.shortcode}, not to ReceiverParty ${input.receiverParty}.`,
      );
    }
    if (toCents(input.amount) !== paid.amountCents) {
      return fail(
        ReversalResult.invalidOriginal,
        `Amount ${input.amount} is not the amount of ${receipt} (${toShillings(paid.amountCents)}); the emulator reverses whole payments only.`,
      );
    }
    const reversalReceipt = ids.receipt(now);
    const moved = ledger.transfer({
      from: org,
      to: customer,
      amountCents: paid.amountCents,
      reason: `Reversal of ${receipt}`,
      transactionId,
      receipt: reversalReceipt,
    });
    if (!moved.ok) {
      return fail(
        ReversalResult.insufficientFunds,
        `The ${org.account} of ${org.shortcode} holds less than ${input.amount}.`,
      );
    }
    transactions.put({ ...original, status: 'reversed', reversedBy: reversalReceipt, updatedAt: now });
    const business = ledger.org(org.shortcode);
    const person = ledger.customer(customer.msisdn);
    messages.send(
      customer.msisdn,
      reversedSms({
        receipt: reversalReceipt,
        original: receipt,
        amount: input.amount,
        at: now,
        balance: toShillings(person?.balanceCents ?? 0),
      }),
      transactionId,
    );
    notes.push(
      `${receipt} reversed: ${input.amount} went back from ${org.shortcode}'s ${org.account} to ${customer.msisdn}.`,
    );
    return {
      result: ReversalResult.success,
      receipt: reversalReceipt,
      parameters: [
        kv('DebitAccountBalance', accountLine(org.account, business?.accounts[org.account] ?? 0)),
        kv('Amount', input.amount),
        kv('TransCompletedTime', Number(eatTimestamp(now))),
        kv('OriginalTransactionID', receipt),
        kv('Charge', 0),
        kv('CreditPartyPublicName', `${customer.msisdn} - ${person?.name ?? ''}`),
        kv('DebitPartyPublicName', `${org.shortcode} - ${business?.name ?? ''}`),
      ],
      references,
      fields: { phone: customer.msisdn },
    };
  }

  /** The movement that paid the original receipt: from the customer to the business. */
  #paymentMovement(
    receipt: string,
  ): (MovementRecord & { from: { type: 'customer' }; to: { type: 'org' } }) | undefined {
    for (const m of this.deps.ledger.movements.values()) {
      if (m.receipt === receipt && m.from.type === 'customer' && m.to.type === 'org') {
        return m as MovementRecord & {
          from: { type: 'customer'; msisdn: string };
          to: { type: 'org'; shortcode: string; account: string };
        };
      }
    }
    return undefined;
  }
}
