import type { InitiatorAck, ResultCodeEntry, ResultKeyValue } from 'daraja-client/wire';
import type { Decision, InitiatorApi, TransactionView } from 'daraja-client/emulator';
import type { Outbox } from '../../callbacks/outbox.js';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { IdFactory } from '../../ids/ids.js';
import type { Ledger } from '../../ledger/ledger.js';
import type { Transactions } from '../../ledger/transactions.js';
import type { SecurityService } from '../../security/security-service.js';
import type { Clock } from '../../time/clock.js';
import { maskSecrets } from '../../journal/mask.js';
import { initiatorAck } from './ack.js';
import { checkCredential } from './credential-check.js';
import { configuredOutcome, planOutcome, type PlannedOutcome } from './outcome.js';
import { overrideInput, type InitiatorOutcomeOverride } from './outcome-override.js';
import { resultCallback } from './result-body.js';

export interface InitiatorRequest {
  api: InitiatorApi;
  /** The organisation acting (PartyA / ReceiverParty). */
  shortcode: string;
  initiatorName: string;
  credential: string;
  resultUrl: string;
  queueTimeoutUrl: string;
  /** B2C v3 and B2Pochi: the caller's own; otherwise generated. */
  originatorConversationId?: string;
  ackOrder: 'conversation-first' | 'originator-first';
  rawBody: unknown;
  appId?: string | undefined;
  /** What is known of the transaction before processing (phone, amount, ...). */
  fields?: Partial<TransactionView>;
}

/** What an API's business logic decided. */
export interface Handled {
  result: ResultCodeEntry;
  /** The receipt of the money movement; results without one carry a placeholder TransactionID. */
  receipt?: string;
  parameters?: ResultKeyValue[];
  references: ResultKeyValue[];
  fields?: Partial<TransactionView>;
}

export interface InitiatorHandlers {
  /** The parameters and references of a failed result (no money moved). */
  failure(result: ResultCodeEntry, now: number): Omit<Handled, 'result'>;
  /** The real work, once the initiator passed its checks; `transactionId` tags money movements and SMS. */
  process(now: number, transactionId: string): Handled;
}

interface ArmedTimeout {
  api?: string | undefined;
  shortcode?: string | undefined;
}

interface Plan {
  outcome: PlannedOutcome;
  /** Fault rules that decided the outcome or the delay. */
  rules: string[];
  resultDelayMs?: number;
}

/**
 * The flow every initiator API shares: ids and acknowledgement, forced outcomes (one-shot queue timeouts,
 * then the outcome override of the fault rules, then settings), the initiator and SecurityCredential check,
 * the API's own processing, the Result (or queue-timeout notification) through the outbox, and the
 * transaction record. Everything is decided when the request arrives; only the callback waits for its
 * delay, so money never moves after a restart.
 */
export interface InitiatorFlowDeps {
  clock: Clock;
  ids: IdFactory;
  ledger: Ledger;
  outbox: Outbox;
  transactions: Transactions;
  settings: SettingsHolder;
  security: SecurityService;
  /** The fault rules' say on the outcome (see faults/initiator-faults.ts). */
  outcomeOverride?: InitiatorOutcomeOverride;
}

export class InitiatorFlow {
  readonly #armed: ArmedTimeout[] = [];

  constructor(private readonly deps: InitiatorFlowDeps) {}

  /** The next `count` requests matching the filter time out in the queue (kept in memory only). */
  armQueueTimeout(filter: ArmedTimeout, count = 1): number {
    for (let i = 0; i < count; i++) this.#armed.push(filter);
    return this.#armed.length;
  }

  clear(): void {
    this.#armed.length = 0;
  }

  handle(
    req: InitiatorRequest,
    handlers: InitiatorHandlers,
    notes: string[],
  ): { ack: InitiatorAck; transaction: TransactionView } {
    const { clock, ids, ledger, outbox, transactions, settings, security } = this.deps;
    const config = settings.current;
    const now = clock.now();
    const conversationId = ids.conversationId(now);
    const originatorConversationId = req.originatorConversationId ?? ids.originatorConversationId();
    const ack = initiatorAck(req.ackOrder, conversationId, originatorConversationId);
    const { outcome: plan, rules, resultDelayMs } = this.#plan(req, notes);
    let handled: Handled;
    let by: Decision['by'] = 'auto';
    if (plan.kind === 'queue-timeout') {
      const result = { code: config.initiator.queueTimeoutCode, desc: config.initiator.queueTimeoutDesc };
      handled = { result, ...handlers.failure(result, now) };
      by = 'timeout';
      notes.push(
        `${plan.rule}: the request times out in the queue; QueueTimeOutURL is notified and nothing is processed.`,
      );
    } else if (plan.kind === 'result') {
      handled = { result: plan.result, ...handlers.failure(plan.result, now) };
      by = 'rule';
      notes.push(`${plan.rule}: the result is forced to ${plan.result.code} "${plan.result.desc}".`);
    } else {
      const org = ledger.org(req.shortcode);
      const check = {
        org,
        shortcode: req.shortcode,
        initiatorName: req.initiatorName,
        credential: req.credential,
      };
      const failed = checkCredential(check, ledger, security, config.security, notes);
      handled = failed
        ? { result: failed, ...handlers.failure(failed, now) }
        : handlers.process(now, conversationId);
    }
    const timeout = plan.kind === 'queue-timeout';
    const url = timeout ? req.queueTimeoutUrl : req.resultUrl;
    const delayMs =
      resultDelayMs ?? (timeout ? config.initiator.queueTimeoutDelayMs : config.initiator.resultDelayMs);
    const body = resultCallback(
      {
        result: handled.result,
        originatorConversationId,
        conversationId,
        transactionId: handled.receipt ?? ids.placeholderReceipt(now),
        parameters: handled.parameters,
        references: handled.references,
      },
      config.initiator.singleItemAsObject,
    );
    const { result } = handled;
    const transaction: TransactionView = {
      id: conversationId,
      type: req.api,
      status: result.code === 0 ? 'completed' : 'failed',
      createdAt: now,
      updatedAt: now,
      ...(req.appId ? { appId: req.appId } : {}),
      shortcode: req.shortcode,
      ...req.fields,
      ...handled.fields,
      ...(handled.receipt ? { receipt: handled.receipt } : {}),
      ...(rules.length ? { rules } : {}),
      resultCode: result.code,
      resultDesc: result.desc,
      conversationId,
      originatorConversationId,
      callbackUrl: req.resultUrl,
      request: maskSecrets(req.rawBody),
      response: ack,
      decision: { at: now, by, resultCode: result.code, resultDesc: result.desc },
      deliveries: [],
    };
    // Stored before its callback is recorded: callback fault rules match on the transaction.
    transactions.put(transaction);
    const delivery = outbox.enqueue({
      kind: timeout ? 'queue-timeout' : 'result',
      url,
      body,
      transactionId: conversationId,
      delayMs,
    });
    notes.push(
      `Result ${handled.result.code} "${handled.result.desc}" goes to ${timeout ? 'QueueTimeOutURL' : 'ResultURL'} ${url}${delayMs ? ` after ${delayMs} ms` : ''}.`,
    );
    const withDelivery = { ...transaction, deliveries: [delivery.id] };
    transactions.put(withDelivery);
    return { ack, transaction: withDelivery };
  }

  /** Precedence: an armed queue timeout, then the override (fault rules), then `initiator.outcomes`. */
  #plan(req: InitiatorRequest, notes: string[]): Plan {
    const { api, shortcode } = req;
    const index = this.#armed.findIndex(
      (a) => (!a.api || a.api === api) && (!a.shortcode || a.shortcode === shortcode),
    );
    if (index >= 0) {
      this.#armed.splice(index, 1);
      return {
        outcome: { kind: 'queue-timeout', rule: 'A queue timeout armed through the control API' },
        rules: [],
      };
    }
    const override = this.deps.outcomeOverride?.(overrideInput(req));
    const rules = override?.rules ?? [];
    const delay = override?.resultDelayMs !== undefined ? { resultDelayMs: override.resultDelayMs } : {};
    if (override?.resultDelayMs !== undefined) {
      notes.push(
        `Fault rule ${quoted(rules)}: the callback waits ${override.resultDelayMs} ms instead of the setting's delay.`,
      );
    }
    if (override?.outcome) {
      if (override.outcome.kind === 'normal')
        notes.push(`Fault rule ${quoted(rules)}: processed normally, whatever initiator.outcomes says.`);
      return { outcome: override.outcome, rules, ...delay };
    }
    const configured = configuredOutcome(api, shortcode, this.deps.settings.current.initiator);
    const outcome: PlannedOutcome = configured
      ? planOutcome(api, configured.outcome, `Setting initiator.outcomes["${configured.key}"]`)
      : { kind: 'normal' };
    return { outcome, rules, ...delay };
  }
}

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
