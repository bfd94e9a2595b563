import type { InitiatorAck, ResultCodeEntry, ResultKeyValue } from 'daraja-client/wire';
import type { Decision, InitiatorApi, TransactionView } from 'daraja-client/emulator';
import type { Emulator } from '../../emulator.js';
import { maskSecrets } from '../../journal/mask.js';
import { initiatorAck } from './ack.js';
import { checkCredential } from './credential-check.js';
import { configuredOutcome, planOutcome, type PlannedOutcome } from './outcome.js';
import { resultCallback } from './result-body.js';

export interface DeskRequest {
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

export interface DeskHandlers {
  /** The parameters and references of a failed result (no money moved). */
  failure(result: ResultCodeEntry, now: number): Omit<Handled, 'result'>;
  /** The real work, once the initiator passed its checks; `transactionId` tags money movements and SMS. */
  process(now: number, transactionId: string): Handled;
}

interface ArmedTimeout {
  api?: string | undefined;
  shortcode?: string | undefined;
}

/**
 * The flow every initiator API shares: ids and acknowledgement, forced outcomes (settings and one-shot
 * queue timeouts), the initiator and SecurityCredential check, the API's own processing, the Result (or
 * queue-timeout notification) through the outbox, and the transaction record. Everything is decided when
 * the request arrives; only the callback waits for its delay, so money never moves after a restart.
 */
export class InitiatorDesk {
  readonly #armed: ArmedTimeout[] = [];

  constructor(private readonly emulator: Emulator) {}

  /** The next `count` requests matching the filter time out in the queue (kept in memory only). */
  armQueueTimeout(filter: ArmedTimeout, count = 1): number {
    for (let i = 0; i < count; i++) this.#armed.push(filter);
    return this.#armed.length;
  }

  clear(): void {
    this.#armed.length = 0;
  }

  handle(
    req: DeskRequest,
    handlers: DeskHandlers,
    notes: string[],
  ): { ack: InitiatorAck; transaction: TransactionView } {
    const { clock, ids, ledger, outbox, transactions, settings, security } = this.emulator;
    const config = settings.current;
    const now = clock.now();
    const conversationId = ids.conversationId(now);
    const originatorConversationId = req.originatorConversationId ?? ids.originatorConversationId();
    const ack = initiatorAck(req.ackOrder, conversationId, originatorConversationId);
    const plan = this.#plan(req.api, req.shortcode);
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
    const delayMs = timeout ? config.initiator.queueTimeoutDelayMs : config.initiator.resultDelayMs;
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
      resultCode: result.code,
      resultDesc: result.desc,
      conversationId,
      originatorConversationId,
      callbackUrl: req.resultUrl,
      request: maskSecrets(req.rawBody),
      response: ack,
      decision: { at: now, by, resultCode: result.code, resultDesc: result.desc },
      deliveries: [delivery.id],
    };
    transactions.put(transaction);
    return { ack, transaction };
  }

  #plan(api: InitiatorApi, shortcode: string): PlannedOutcome {
    const index = this.#armed.findIndex(
      (a) => (!a.api || a.api === api) && (!a.shortcode || a.shortcode === shortcode),
    );
    if (index >= 0) {
      this.#armed.splice(index, 1);
      return { kind: 'queue-timeout', rule: 'A queue timeout armed through the control API' };
    }
    const configured = configuredOutcome(api, shortcode, this.emulator.settings.current.initiator);
    return configured
      ? planOutcome(api, configured.outcome, `Setting initiator.outcomes["${configured.key}"]`)
      : { kind: 'normal' };
  }
}

const desks = new WeakMap<Emulator, InitiatorDesk>();

/** The one desk of an emulator, shared by its initiator API modules. */
export function initiatorDesk(emulator: Emulator): InitiatorDesk {
  let desk = desks.get(emulator);
  if (!desk) {
    desk = new InitiatorDesk(emulator);
    desks.set(emulator, desk);
  }
  return desk;
}
