import type { RequestListener } from 'node:http';
import type { EmulatorOptions } from './emulator-options.js';
import { type WorldConfig } from 'daraja-client/emulator';
import { ManualClock, SystemClock, type Clock } from './time/clock.js';
import { Scheduler } from './time/scheduler.js';
import { realTimers } from './time/timers.js';
import { DEFAULT_HISTORY } from './config/history-caps.js';
import { MemoryStore } from './store/memory-store.js';
import { cryptoRandom, seededRandom } from './ids/random.js';
import { IdFactory } from './ids/ids.js';
import { EventBus } from './events/event-bus.js';
import { SettingsHolder, mergeSettings } from './config/settings-holder.js';
import { defaultSettings } from './config/defaults.js';
import { buildWorld } from './config/world.js';
import { Ledger } from './ledger/ledger.js';
import { seedWorld } from './ledger/seed.js';
import { Transactions } from './ledger/transactions.js';
import { Messages } from './ledger/messages.js';
import { Outbox } from './callbacks/outbox.js';
import { httpPoster } from './callbacks/http-post.js';
import { OwnAddress, ownCallbackRefusal } from './callbacks/own-address.js';
import { Journal } from './journal/journal.js';
import { OAuthService } from './apis/oauth/service.js';
import { StkService } from './apis/stk-push/service.js';
import { StkQueryService } from './apis/stk-query/service.js';
import type { ApiModule } from './apis/api-module.js';
import { API_FACTORIES } from './apis/register.js';
import { DarajaGateway } from './http/gateway.js';
import { frontDoor } from './http/front.js';
import { lazyHandler } from './http/lazy-handler.js';
import { loadOwnApp } from './control/load-own-app.js';
import { HostAllowList } from './http/host-allow-list.js';
import { listen, type Listening } from './http/listen.js';
import { DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './http/connection-limits.js';
import { clockView } from './control/clock-view.js';
import { SecurityService } from './security/security-service.js';
import { Faults } from './faults/faults.js';
import { TrackedStore } from './scenarios/tracked-store.js';

export type { EmulatorOptions } from './emulator-options.js';

export type { Listening } from './http/listen.js';

/**
 * Builds an emulator: state, services and its request listener (the Daraja gateway, and Express for the
 * control API and the UI). It never listens by itself; `listen()` or main.ts does. Tests pass a manual
 * clock, a memory store and a callback sink.
 */
export class Emulator {
  /** The emulator's request listener: Daraja's APIs, the control API and the UI (for supertest or a server). */
  readonly app: RequestListener;
  /** Daraja's APIs. */
  readonly gateway: DarajaGateway;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  /** The store, with the names of its collections known (for state export and import). */
  readonly store: TrackedStore;
  readonly events = new EventBus();
  readonly ids: IdFactory;
  readonly settings: SettingsHolder;
  readonly world: WorldConfig;
  readonly ledger: Ledger;
  readonly transactions: Transactions;
  readonly messages: Messages;
  readonly outbox: Outbox;
  readonly journal: Journal;
  readonly oauth: OAuthService;
  readonly stk: StkService;
  readonly stkQuery: StkQueryService;
  readonly security: SecurityService;
  readonly faults: Faults;
  readonly log: (line: string) => void;
  /** What every server of this emulator allows its clients (HTTP, HTTPS and tunnels alike). */
  readonly connectionLimits: ConnectionLimits;
  /** The names requests may be addressed to; each `listen()` adds its address. */
  readonly hosts: HostAllowList;
  /** The emulator's own addresses and ports, which callbacks may never reach. */
  readonly ownAddress: OwnAddress;
  readonly #options: EmulatorOptions;
  readonly #listening = new Set<Listening>();
  readonly apis: ApiModule[];

  constructor(options: EmulatorOptions = {}) {
    this.#options = options;
    this.log = options.log ?? (() => undefined);
    this.connectionLimits = { ...DEFAULT_CONNECTION_LIMITS, ...options.connections };
    this.hosts = new HostAllowList(options.allowedHosts);
    this.ownAddress = new OwnAddress(this.hosts);
    this.clock =
      options.clock === 'manual'
        ? new ManualClock()
        : options.clock && options.clock !== 'system'
          ? options.clock
          : new SystemClock();
    this.scheduler = new Scheduler(this.clock, options.timers ?? realTimers);
    this.store = new TrackedStore(
      options.store && options.store !== 'memory' ? options.store : new MemoryStore(),
    );
    this.scheduler.group = this.store;
    this.ids = new IdFactory(
      options.random ?? (options.seed !== undefined ? seededRandom(options.seed) : cryptoRandom),
    );
    this.settings = new SettingsHolder(mergeSettings(defaultSettings(), options.settings ?? {}), this.events);
    this.ids.style = this.settings.current.ids.style;
    this.events.on((e) => {
      if (e.type === 'settings') this.ids.style = e.settings.ids.style;
    });
    this.world = buildWorld(options.world);
    const history = { ...DEFAULT_HISTORY, ...options.history };
    this.ledger = new Ledger(
      this.store,
      this.events,
      this.clock,
      this.ids,
      history.movements,
      history.customers,
    );
    this.transactions = new Transactions(this.store, this.events, history.transactions);
    this.messages = new Messages(this.store, this.events, this.clock, this.ids, history.messages);
    this.journal = new Journal(this.store, this.events, history.journal);
    this.outbox = new Outbox(
      this.store,
      this.scheduler,
      this.events,
      this.ids,
      () => this.settings.current.callbacks,
      options.poster ??
        httpPoster((address, port) =>
          this.ownAddress.addressRefusal(address, port, this.settings.current.callbacks),
        ),
      history.deliveries,
    );
    this.oauth = new OAuthService(
      this.store,
      this.clock,
      this.ids,
      () => this.settings.current.oauth,
      () => this.world.apps,
    );
    this.faults = new Faults({
      seed: options.seed,
      settings: () => this.settings.current,
      oauth: this.oauth,
      apps: () => this.world.apps,
      transactions: this.transactions,
      scheduler: this.scheduler,
      timers: options.timers ?? realTimers,
      events: this.events,
    });
    if (options.faults) this.faults.rules.add(options.faults, 'faults');
    this.outbox.transform = this.faults.transformDelivery;
    this.stk = new StkService({
      ledger: this.ledger,
      transactions: this.transactions,
      messages: this.messages,
      outbox: this.outbox,
      scheduler: this.scheduler,
      ids: this.ids,
      settings: this.settings,
      journal: this.journal,
      outcomeOverride: this.faults.stkOutcome,
    });
    this.stkQuery = new StkQueryService(this.ledger, this.transactions, this.clock);
    this.security = new SecurityService(
      this.store,
      this.clock,
      () => this.settings.current.security,
      options.securityKeys,
    );

    if (this.ledger.orgs.size === 0 && this.ledger.customers.size === 0) {
      // One log write for the whole world, however many customers a config lists.
      this.store.begin();
      try {
        seedWorld(this.ledger, this.world);
      } finally {
        this.store.commit();
      }
    }
    this.apis = API_FACTORIES.map((factory) => factory(this));
    for (const api of this.apis) api.recover?.();
    this.outbox.recover();
    this.gateway = new DarajaGateway({
      routes: this.apis.flatMap((api) => api.routes),
      oauth: this.oauth,
      journal: this.journal,
      clock: this.clock,
      ids: this.ids,
      faults: this.faults.gate,
      outbox: this.outbox,
      store: this.store,
      backlogLimit: options.callbackBacklogLimit ?? 5_000,
      bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
      settings: () => this.settings.current,
      callbackRefusal: (body) => ownCallbackRefusal(body, this.ownAddress, this.settings.current.callbacks),
      log: this.log,
    });
    // The control API and the UI are loaded with their first request (see loadOwnApp).
    this.app = frontDoor(
      lazyHandler(() => loadOwnApp(this, options)),
      this.gateway,
      this.hosts,
    );
  }

  /** Empties all state and seeds the configured world again; settings are kept. */
  reset(): void {
    this.scheduler.clear();
    for (const api of this.apis) api.clear?.();
    this.store.clear();
    this.transactions.clearIndex();
    this.faults.restart();
    seedWorld(this.ledger, this.world);
    this.events.emit({ type: 'reset', at: this.clock.now() });
  }

  /** Manual clock: moves time forward, running everything that falls due (prompt timeouts, callbacks). */
  async advance(ms: number): Promise<number> {
    const ran = await this.scheduler.advance(ms);
    this.events.emit({ type: 'clock', clock: clockView(this) });
    return ran;
  }

  /** Manual clock: runs all pending work now. */
  async runAll(): Promise<number> {
    const ran = await this.scheduler.runAll();
    this.events.emit({ type: 'clock', clock: clockView(this) });
    return ran;
  }

  /** Starts an HTTP server (with the live socket) on `port` (0 picks a free one). */
  async listen(port = 0, host = '127.0.0.1'): Promise<Listening> {
    const live = {
      events: this.events,
      hello: () => ({ type: 'hello' as const, at: this.clock.now(), clock: clockView(this) }),
      allowedOrigins: this.#options.corsOrigins ?? [],
      hosts: this.hosts,
      ...(this.#options.adminToken ? { adminToken: this.#options.adminToken } : {}),
    };
    this.hosts.addBound(host);
    const listening = await listen(this.app, live, port, host, this.connectionLimits, (closing) => {
      this.#listening.delete(closing);
      this.faults.release();
    });
    this.#listening.add(listening);
    this.ownAddress.addServer(host, listening.port);
    return listening;
  }

  /**
   * Starts no new callback, stops servers and timers, waits for callbacks in flight, and closes the store.
   * Callbacks not yet started stay stored and go out after a restart on the same data.
   */
  async close(): Promise<void> {
    this.outbox.stop();
    for (const l of [...this.#listening]) await l.close();
    this.scheduler.close();
    await this.scheduler.idle();
    await this.store.close();
  }
}

/** Builds an emulator; see EmulatorOptions. */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  return new Emulator(options);
}
