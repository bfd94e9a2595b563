import type { ServerResponse } from 'node:http';
import type { AppConfig, Settings, TransactionView } from 'daraja-client/emulator';
import type { OAuthService } from '../apis/oauth/service.js';
import type { Transactions } from '../ledger/transactions.js';
import type { Scheduler } from '../time/scheduler.js';
import type { Timers } from '../time/timers.js';
import type { EnqueueInput, PlannedDelivery } from '../callbacks/outbox.js';
import type { OutcomeOverride } from '../apis/stk-push/service.js';
import type { InitiatorOutcomeOverride } from '../apis/initiator/outcome-override.js';
import type { EventBus } from '../events/event-bus.js';
import { FaultRuleSet } from './fault-rules.js';
import { RateLimiter } from './rate-limiter.js';
import { faultGate, type FaultGate } from './fault-gate.js';
import { deliveryFaults } from './delivery-faults.js';
import { stkFaults } from './stk-faults.js';
import { initiatorFaults } from './initiator-faults.js';

export interface FaultsDeps {
  seed: number | string | undefined;
  settings: () => Settings;
  oauth: OAuthService;
  apps: () => AppConfig[];
  transactions: Transactions;
  scheduler: Scheduler;
  timers: Timers;
  /** Hears a `faults` event after every change to the rule set. */
  events: EventBus;
}

/**
 * Misbehaviour on purpose: the fault rules, the rate limiter and the magic numbers, with the four places
 * they act: a gate before the APIs, the STK service's and the initiator flow's outcome
 * overrides, and the outbox transform.
 */
export class Faults {
  readonly rules: FaultRuleSet;
  readonly limiter = new RateLimiter();
  readonly gate: FaultGate;
  readonly stkOutcome: (t: TransactionView, recovering: boolean) => OutcomeOverride | undefined;
  readonly initiatorOutcome: InitiatorOutcomeOverride;
  readonly transformDelivery: (input: EnqueueInput) => PlannedDelivery[];
  readonly #held = new Set<ServerResponse>();

  constructor(deps: FaultsDeps) {
    this.rules = new FaultRuleSet(deps.seed, (rules) => deps.events.emit({ type: 'faults', rules }));
    this.gate = faultGate({
      rules: this.rules,
      limiter: this.limiter,
      settings: deps.settings,
      oauth: deps.oauth,
      apps: deps.apps,
      scheduler: deps.scheduler,
      timers: deps.timers,
      held: this.#held,
    });
    this.stkOutcome = stkFaults(this.rules, deps.settings);
    this.initiatorOutcome = initiatorFaults(this.rules);
    this.transformDelivery = deliveryFaults(this.rules, deps.transactions);
  }

  /** Requests held open by a hang or a pending delay. */
  get held(): number {
    return this.#held.size;
  }

  /** Closes every held request's connection, so that servers can stop. */
  release(): void {
    for (const res of [...this.#held]) res.socket?.destroy();
    this.#held.clear();
  }

  /** On reset: rule counters and the rate limiter start again; the rules stay. */
  restart(): void {
    this.rules.restart();
    this.limiter.clear();
  }
}
