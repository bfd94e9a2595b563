/**
 * Emulates Transaction Status: looks a payment up by receipt (TransactionID) or by the conversation ids of
 * the request that made it (OriginalConversationID), among STK, C2B, B2C, B2Pochi, reversal, B2B and tax
 * remittance transactions (which either organisation may query), and reports it to ResultURL. Simplified: only payments that produced a receipt are found
 * (failed and pending ones answer 2032 like unknown ids), PartyA must be the shortcode or phone that took
 * part, and TransactionStatus is "Completed" or "Reversed".
 */
import { TransactionStatusResult, type InitiatorAck, type ResultKeyValue } from 'daraja-client/wire';
import type { TransactionView } from 'daraja-client/emulator';
import type { Ledger } from '../../ledger/ledger.js';
import type { Transactions } from '../../ledger/transactions.js';
import type { InitiatorFlow } from '../initiator/initiator-flow.js';
import type { Handled } from '../initiator/initiator-flow.js';
import { kv } from '../initiator/result-body.js';
import { orgOf, statusParameters } from './status-parameters.js';
import type { TransactionStatusInput } from './validate.js';

const PAYMENTS = new Set(['stk', 'c2b', 'b2c', 'b2pochi', 'reversal', 'b2b', 'tax-remittance']);

export interface TransactionStatusDeps {
  ledger: Ledger;
  transactions: Transactions;
  initiator: InitiatorFlow;
}

export class TransactionStatusService {
  constructor(private readonly deps: TransactionStatusDeps) {}

  query(
    input: TransactionStatusInput,
    rawBody: unknown,
    appId: string | undefined,
    notes: string[],
  ): { ack: InitiatorAck; transaction: TransactionView } {
    const { ledger } = this.deps;
    const found = this.#find(input);
    // An MSISDN as PartyA: the initiator is checked against the business in the payment.
    const acting = !ledger.org(input.partyA) && found ? orgOf(found) : input.partyA;
    const references: ResultKeyValue[] = [kv('Occasion', input.occasion)];
    return this.deps.initiator.handle(
      {
        api: 'transaction-status',
        shortcode: acting,
        initiatorName: input.initiatorName,
        credential: input.credential,
        resultUrl: input.resultUrl,
        queueTimeoutUrl: input.queueTimeoutUrl,
        ackOrder: 'originator-first',
        rawBody,
        appId,
        fields: { description: input.remarks },
      },
      {
        failure: () => ({ references }),
        process: () => this.#report(input, found, references, notes),
      },
      notes,
    );
  }

  #find(input: TransactionStatusInput): TransactionView | undefined {
    const { transactions } = this.deps;
    if (input.transactionId !== undefined) {
      const t = transactions.find(input.transactionId);
      if (t?.receipt === input.transactionId) return t;
    }
    if (input.originalConversationId !== undefined) return transactions.find(input.originalConversationId);
    return undefined;
  }

  #report(
    input: TransactionStatusInput,
    t: TransactionView | undefined,
    references: ResultKeyValue[],
    notes: string[],
  ): Handled {
    const key = input.transactionId ?? input.originalConversationId;
    const notFound = (why: string): Handled => {
      notes.push(why);
      return { result: TransactionStatusResult.notFound, references };
    };
    if (!t || !PAYMENTS.has(t.type))
      return notFound(`No payment with receipt or conversation id "${key}" exists in this emulator.`);
    if (!t.receipt)
      return notFound(
        `${t.type} ${t.id} is ${t.status} and has no receipt, so Daraja has no transaction to report.`,
      );
    const parties = [t.shortcode, t.partyB, t.phone, orgOf(t)];
    if (!parties.includes(input.partyA)) {
      return notFound(
        `Receipt ${t.receipt} belongs to ${orgOf(t)} and ${t.phone ?? 'no phone'}, not PartyA ${input.partyA}.`,
      );
    }
    notes.push(`Found ${t.type} ${t.id} (receipt ${t.receipt}, ${t.status}).`);
    return {
      result: TransactionStatusResult.success,
      parameters: statusParameters(this.deps.ledger, t),
      references,
    };
  }
}
