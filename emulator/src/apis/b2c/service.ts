/**
 * Emulates B2C v1 and v3 and Business to Pochi: a business pays a customer from its shortcode's Utility
 * Account. The ack comes at once; the Result goes to ResultURL after `initiator.resultDelayMs`.
 * The amount limits (results 2 and 3) and the customer's wallet limits (results 4 and 8, `money.*`) are
 * checked before money moves; the business pays M-Pesa's B2C charge from its Charges Paid Account to the
 * operator (`money.b2cCharges`, or a flat `b2c.chargeKsh`). Simplified: unknown phone numbers get a new,
 * empty wallet and show as unregistered ("N"); Pochi payments go to the same wallet as ordinary B2C.
 */
import {
  B2CResult,
  DarajaErrors,
  INTERNAL_QUEUE_URLS,
  type InitiatorAck,
  type ResultCodeEntry,
} from 'daraja-client/wire';
import type { TransactionView } from 'daraja-client/emulator';
import type { Ledger } from '../../ledger/ledger.js';
import type { IdFactory } from '../../ids/ids.js';
import type { Messages } from '../../ledger/messages.js';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { Transactions } from '../../ledger/transactions.js';
import type { InitiatorFlow } from '../initiator/initiator-flow.js';
import { DarajaError } from '../../http/daraja-error.js';
import { toCents, toShillings, type OrgRecord } from '../../ledger/records.js';
import { addCustomer } from '../../ledger/seed.js';
import { ksh, receivedFromBusinessSms } from '../../ledger/sms-text.js';
import { B2C_CHARGE_REASON, b2cCharge } from '../../ledger/tariffs.js';
import { walletLimit } from '../../ledger/wallet-limits.js';
import { eatDottedDateTime } from '../../time/eat.js';
import type { Handled } from '../initiator/initiator-flow.js';
import { kv } from '../initiator/result-body.js';
import { b2cResultParameters } from './result-parameters.js';
import type { B2CInput } from './validate.js';

export interface B2CDeps {
  ledger: Ledger;
  ids: IdFactory;
  messages: Messages;
  settings: SettingsHolder;
  transactions: Transactions;
  initiator: InitiatorFlow;
}

export class B2CService {
  constructor(private readonly deps: B2CDeps) {}

  pay(
    input: B2CInput,
    rawBody: unknown,
    appId: string | undefined,
    notes: string[],
  ): { ack: InitiatorAck; transaction: TransactionView } {
    const api = input.variant === 'b2pochi' ? 'b2pochi' : 'b2c';
    const duplicate = this.#duplicate(input);
    if (duplicate) {
      if (this.deps.settings.current.b2c.duplicateOriginatorConversationId === 'reject') {
        throw new DarajaError(
          DarajaErrors.duplicateOriginatorConversationId,
          `OriginatorConversationID "${input.originatorConversationId}" was already used by ${duplicate.id}; use a new one per payment (b2c.duplicateOriginatorConversationId is "reject").`,
        );
      }
      notes.push(
        `OriginatorConversationID "${input.originatorConversationId}" was already used by ${duplicate.id}: the first acknowledgement is answered again and nothing is paid twice (b2c.duplicateOriginatorConversationId is "accept").`,
      );
      return { ack: duplicate.response as InitiatorAck, transaction: duplicate };
    }
    const references = [
      kv('QueueTimeoutURL', input.variant === 'b2pochi' ? input.queueTimeoutUrl : INTERNAL_QUEUE_URLS.b2c),
    ];
    return this.deps.initiator.handle(
      {
        api,
        shortcode: input.partyA,
        initiatorName: input.initiatorName,
        credential: input.credential,
        resultUrl: input.resultUrl,
        queueTimeoutUrl: input.queueTimeoutUrl,
        ...(input.originatorConversationId !== undefined
          ? { originatorConversationId: input.originatorConversationId }
          : {}),
        ackOrder: 'conversation-first',
        rawBody,
        appId,
        fields: {
          phone: input.partyB,
          amount: input.amount,
          description: input.remarks,
          partyB: input.partyB,
        },
      },
      {
        failure: () => ({ references, parameters: this.#failureParameters(input) }),
        process: (now, transactionId) => this.#process(input, now, transactionId, references, notes),
      },
      notes,
    );
  }

  #duplicate(input: B2CInput): TransactionView | undefined {
    if (input.originatorConversationId === undefined) return undefined;
    const t = this.deps.transactions.find(input.originatorConversationId);
    return t &&
      (t.type === 'b2c' || t.type === 'b2pochi') &&
      t.originatorConversationId === input.originatorConversationId
      ? t
      : undefined;
  }

  /** The live B2Pochi failure names the recipient in a lone `CreditPartyName` parameter; B2C sends none. */
  #failureParameters(input: B2CInput) {
    if (input.variant !== 'b2pochi') return undefined;
    const customer = this.deps.ledger.customer(input.partyB);
    return customer ? [kv('CreditPartyName', `${customer.msisdn} - ${customer.name}`)] : undefined;
  }

  #process(
    input: B2CInput,
    now: number,
    transactionId: string,
    references: Handled['references'],
    notes: string[],
  ): Handled {
    const { ledger, ids, messages, settings } = this.deps;
    const b2c = settings.current.b2c;
    const fail = (result: ResultCodeEntry, why: string): Handled => {
      notes.push(why);
      return { result, references, parameters: this.#failureParameters(input) };
    };
    if (input.amount < b2c.minAmount) {
      return fail(
        B2CResult.belowMinimum,
        `Amount ${input.amount} is below b2c.minAmount (${b2c.minAmount}).`,
      );
    }
    if (input.amount > b2c.maxAmount) {
      return fail(
        B2CResult.aboveMaximum,
        `Amount ${input.amount} is above b2c.maxAmount (${b2c.maxAmount}).`,
      );
    }
    const limit = walletLimit(ledger, settings.current.money, {
      msisdn: input.partyB,
      amount: input.amount,
      direction: 'receives',
      now,
    });
    if (limit) return fail(limit.result, limit.why);
    const org = ledger.org(input.partyA) as OrgRecord;
    const registered = ledger.customer(input.partyB) !== undefined;
    if (!registered) {
      addCustomer(
        ledger,
        { msisdn: input.partyB, name: 'M-PESA Customer', pin: '1234', balance: 0 },
        { walkIn: true },
      );
      notes.push(`${input.partyB} was not a customer here; a new, empty wallet was opened for it.`);
    }
    const receipt = ids.receipt(now);
    const moved = ledger.transfer({
      from: { type: 'org', shortcode: org.shortcode, account: 'Utility Account' },
      to: { type: 'customer', msisdn: input.partyB },
      amountCents: toCents(input.amount),
      reason: input.variant === 'b2pochi' ? 'B2Pochi payment' : `B2C ${input.commandId}`,
      transactionId,
      receipt,
    });
    if (!moved.ok) {
      const available = toShillings(org.accounts['Utility Account'] ?? 0);
      return fail(
        B2CResult.insufficientFunds,
        `The Utility Account of ${org.shortcode} holds ${available}, less than ${input.amount}.`,
      );
    }
    const chargeKsh = b2cCharge(input.amount, settings.current.money, b2c.chargeKsh);
    if (chargeKsh > 0) {
      ledger.transfer({
        from: { type: 'org', shortcode: org.shortcode, account: 'Charges Paid Account' },
        to: { type: 'operator' },
        amountCents: toCents(chargeKsh),
        reason: B2C_CHARGE_REASON,
        transactionId,
        receipt,
        allowNegative: true,
      });
      notes.push(
        `${org.shortcode} pays M-Pesa a B2C charge of ${ksh(chargeKsh)} from its Charges Paid Account (${b2c.chargeKsh > 0 ? 'b2c.chargeKsh' : 'money.b2cCharges: tariff'}).`,
      );
    }
    const after = ledger.org(org.shortcode) ?? org;
    const customer = ledger.customer(input.partyB);
    const funds = (account: string) => toShillings(after.accounts[account] ?? 0);
    messages.send(
      input.partyB,
      receivedFromBusinessSms({
        receipt,
        amount: input.amount,
        business: org.name,
        at: now,
        balance: toShillings(customer?.balanceCents ?? 0),
      }),
      transactionId,
    );
    const parameters = b2cResultParameters(
      {
        TransactionAmount: input.amount,
        TransactionReceipt: receipt,
        ReceiverPartyPublicName: `${input.partyB} - ${customer?.name ?? ''}`,
        TransactionCompletedDateTime: eatDottedDateTime(now),
        B2CUtilityAccountAvailableFunds: funds('Utility Account'),
        B2CWorkingAccountAvailableFunds: funds('Working Account'),
        B2CRecipientIsRegisteredCustomer: registered ? 'Y' : 'N',
        B2CChargesPaidAccountAvailableFunds: funds('Charges Paid Account'),
      },
      b2c.resultKeyOrder,
    );
    return { result: B2CResult.success, receipt, parameters, references };
  }
}
