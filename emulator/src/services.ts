import { ManualClock, SystemClock, type Clock } from './time/clock.js';
import { Scheduler } from './time/scheduler.js';
import { realTimers, type Timers } from './time/timers.js';
import { DEFAULT_HISTORY } from './config/history-caps.js';
import { MemoryStore } from './store/memory-store.js';
import { TrackedStore } from './store/tracked-store.js';
import { cryptoRandom, seededRandom } from './ids/random.js';
import { IdFactory } from './ids/ids.js';
import { EventBus } from './events/event-bus.js';
import { SettingsHolder, mergeSettings } from './config/settings-holder.js';
import { defaultSettings } from './config/defaults.js';
import { buildWorld } from './config/world.js';
import { Ledger } from './ledger/ledger.js';
import { Transactions } from './ledger/transactions.js';
import { Messages } from './ledger/messages.js';
import { Outbox } from './callbacks/outbox.js';
import { httpPoster } from './callbacks/http-post.js';
import { OwnAddress } from './callbacks/own-address.js';
import { Journal } from './journal/journal.js';
import { SecurityService } from './security/security-service.js';
import { Faults } from './faults/faults.js';
import { HostAllowList } from './http/host-allow-list.js';
import { DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './http/connection-limits.js';
import { OAuthService } from './apis/oauth/service.js';
import { StkService } from './apis/stk-push/service.js';
import { InitiatorFlow } from './apis/initiator/initiator-flow.js';
import type { ApiContext } from './apis/api-context.js';
import type { EmulatorOptions } from './emulator-options.js';

/** Everything an emulator is made of besides its HTTP side: the API context and what its servers share. */
export interface EmulatorServices extends ApiContext {
  /** What every server of this emulator allows its clients (HTTP, HTTPS and tunnels alike). */
  readonly connectionLimits: ConnectionLimits;
  /** The names requests may be addressed to; each `listen()` adds its address. */
  readonly hosts: HostAllowList;
  /** The emulator's own addresses and ports, which callbacks may never reach. */
  readonly ownAddress: OwnAddress;
  /** Real timers for what runs on wall-clock time whatever the emulator's clock (network grace periods). */
  readonly timers: Timers;
}

/**
 * Builds every service of an emulator, each handed exactly the parts it uses. This is the one place where
 * services are constructed; API modules receive the result as their context.
 */
export function buildServices(options: EmulatorOptions): EmulatorServices {
  const log = options.log ?? (() => undefined);
  const connectionLimits = { ...DEFAULT_CONNECTION_LIMITS, ...options.connections };
  const hosts = new HostAllowList(options.allowedHosts);
  const ownAddress = new OwnAddress(hosts);
  const clock = pickClock(options.clock);
  const timers = options.timers ?? realTimers;
  const scheduler = new Scheduler(clock, timers);
  const store = new TrackedStore(
    options.store && options.store !== 'memory' ? options.store : new MemoryStore(),
  );
  scheduler.group = store;
  const ids = new IdFactory(
    options.random ?? (options.seed !== undefined ? seededRandom(options.seed) : cryptoRandom),
  );
  const events = new EventBus();
  const settings = new SettingsHolder(mergeSettings(defaultSettings(), options.settings ?? {}), events);
  ids.style = settings.current.ids.style;
  events.on(
    (e) => {
      if (e.type === 'settings') ids.style = e.settings.ids.style;
    },
    ['settings'],
  );
  const world = buildWorld(options.world);
  const history = { ...DEFAULT_HISTORY, ...options.history };
  const ledger = new Ledger(store, events, clock, ids, history.movements, history.customers);
  const transactions = new Transactions(store, events, history.transactions);
  const messages = new Messages(store, events, clock, ids, history.messages);
  const journal = new Journal(store, events, history.journal);
  const outbox = new Outbox(
    store,
    scheduler,
    events,
    ids,
    () => settings.current.callbacks,
    options.poster ??
      httpPoster((address, port) => ownAddress.addressRefusal(address, port, settings.current.callbacks)),
    history.deliveries,
  );
  const oauth = new OAuthService(
    store,
    clock,
    ids,
    () => settings.current.oauth,
    () => world.apps,
  );
  const faults = new Faults({
    seed: options.seed,
    settings: () => settings.current,
    oauth,
    apps: () => world.apps,
    transactions,
    scheduler,
    timers,
    events,
  });
  if (options.faults) faults.rules.add(options.faults, 'faults');
  outbox.transform = faults.transformDelivery;
  const stk = new StkService({
    ledger,
    transactions,
    messages,
    outbox,
    scheduler,
    ids,
    settings,
    journal,
    outcomeOverride: faults.stkOutcome,
  });
  const security = new SecurityService(store, clock, () => settings.current.security, options.securityKeys);
  const initiator = new InitiatorFlow({
    clock,
    ids,
    ledger,
    outbox,
    transactions,
    settings,
    security,
    outcomeOverride: faults.initiatorOutcome,
  });
  return {
    clock,
    scheduler,
    store,
    ids,
    settings,
    events,
    world,
    ledger,
    transactions,
    messages,
    outbox,
    journal,
    faults,
    security,
    log,
    oauth,
    stk,
    initiator,
    connectionLimits,
    hosts,
    ownAddress,
    timers,
  };
}

function pickClock(clock: EmulatorOptions['clock']): Clock {
  if (clock === 'manual') return new ManualClock();
  return clock && clock !== 'system' ? clock : new SystemClock();
}
