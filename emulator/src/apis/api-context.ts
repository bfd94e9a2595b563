import type { WorldConfig } from 'daraja-client/emulator';
import type { Outbox } from '../callbacks/outbox.js';
import type { SettingsHolder } from '../config/settings-holder.js';
import type { EventBus } from '../events/event-bus.js';
import type { Faults } from '../faults/faults.js';
import type { IdFactory } from '../ids/ids.js';
import type { Journal } from '../journal/journal.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Messages } from '../ledger/messages.js';
import type { Transactions } from '../ledger/transactions.js';
import type { SecurityService } from '../security/security-service.js';
import type { TrackedStore } from '../store/tracked-store.js';
import type { Clock } from '../time/clock.js';
import type { Scheduler } from '../time/scheduler.js';
import type { OAuthService } from './oauth/service.js';
import type { StkService } from './stk-push/service.js';
import type { InitiatorFlow } from './initiator/initiator-flow.js';

/**
 * The shared parts an API module may use, built once per emulator (see emulator/src/services.ts). A module
 * reads what it needs from here and hands each of its services exactly those parts; nothing else of the
 * emulator is reachable from an API folder.
 */
export interface ApiContext {
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  /** The store, with the names of its collections known (for state export and import). */
  readonly store: TrackedStore;
  readonly ids: IdFactory;
  readonly settings: SettingsHolder;
  readonly events: EventBus;
  readonly world: WorldConfig;
  readonly ledger: Ledger;
  readonly transactions: Transactions;
  readonly messages: Messages;
  readonly outbox: Outbox;
  readonly journal: Journal;
  readonly faults: Faults;
  readonly security: SecurityService;
  readonly log: (line: string) => void;
  /** Access tokens: issued by the OAuth API, checked by the gateway and the fault rules. */
  readonly oauth: OAuthService;
  /** STK Push: prompts are also driven by the phone's control routes and by pact provider states. */
  readonly stk: StkService;
  /** The flow every initiator API (B2C, reversal, status, balance, ...) shares, with its armed queue timeouts. */
  readonly initiator: InitiatorFlow;
}
