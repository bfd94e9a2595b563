import type { RequestListener } from 'node:http';
import type { EmulatorOptions } from './emulator-options.js';
import type { WorldConfig } from 'daraja-client/emulator';
import type { Clock } from './time/clock.js';
import type { Timers } from './time/timers.js';
import type { Scheduler } from './time/scheduler.js';
import type { IdFactory } from './ids/ids.js';
import type { EventBus } from './events/event-bus.js';
import type { SettingsHolder } from './config/settings-holder.js';
import type { Ledger } from './ledger/ledger.js';
import { seedWorld } from './ledger/seed.js';
import type { Transactions } from './ledger/transactions.js';
import type { Messages } from './ledger/messages.js';
import type { Outbox } from './callbacks/outbox.js';
import { ownCallbackRefusal, type OwnAddress } from './callbacks/own-address.js';
import type { Journal } from './journal/journal.js';
import type { OAuthService } from './apis/oauth/service.js';
import type { StkService } from './apis/stk-push/service.js';
import type { ApiModule } from './apis/api-module.js';
import { API_FACTORIES } from './apis/register.js';
import { DarajaGateway } from './http/gateway.js';
import { frontDoor } from './http/front-door.js';
import { lazyHandler } from './http/lazy-handler.js';
import { loadControlApp } from './control/load-control-app.js';
import type { HostAllowList } from './http/host-allow-list.js';
import { listen, type Listening } from './http/listen.js';
import type { ConnectionLimits } from './http/connection-limits.js';
import { clockView } from './control/clock-view.js';
import type { SecurityService } from './security/security-service.js';
import type { Faults } from './faults/faults.js';
import type { TrackedStore } from './store/tracked-store.js';
import { buildServices } from './services.js';

export type { EmulatorOptions } from './emulator-options.js';

export type { Listening } from './http/listen.js';

/**
 * The emulator with every service in reach, for the emulator's own code and tests; the package's users get
 * the small `DarajaEmulator` handle (public-emulator.ts) instead. Builds state, services and its request
 * listener (the Daraja gateway, and Express for the control API and the UI). It never listens by itself;
 * `listen()` or main.ts does. Tests pass a manual clock, a memory store and a callback sink.
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
  readonly events: EventBus;
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
  readonly #timers: Timers;
  readonly #listening = new Set<Listening>();
  readonly apis: ApiModule[];

  constructor(options: EmulatorOptions = {}) {
    this.#options = options;
    const services = buildServices(options);
    this.log = services.log;
    this.connectionLimits = services.connectionLimits;
    this.hosts = services.hosts;
    this.ownAddress = services.ownAddress;
    this.clock = services.clock;
    this.scheduler = services.scheduler;
    this.store = services.store;
    this.events = services.events;
    this.ids = services.ids;
    this.settings = services.settings;
    this.world = services.world;
    this.ledger = services.ledger;
    this.transactions = services.transactions;
    this.messages = services.messages;
    this.journal = services.journal;
    this.outbox = services.outbox;
    this.oauth = services.oauth;
    this.faults = services.faults;
    this.stk = services.stk;
    this.security = services.security;
    this.#timers = services.timers;

    if (this.ledger.orgs.size === 0 && this.ledger.customers.size === 0) {
      // One log write for the whole world, however many customers a config lists.
      this.store.begin();
      try {
        seedWorld(this.ledger, this.world);
      } finally {
        this.store.commit();
      }
    }
    this.security.loadAtStart();
    this.apis = API_FACTORIES.map((factory) => factory(services));
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
    // The control API and the UI are loaded with their first request (see loadControlApp).
    this.app = frontDoor(
      lazyHandler(() => loadControlApp(this, options)),
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
    const listening = await listen(
      this.app,
      live,
      port,
      host,
      this.connectionLimits,
      this.#timers,
      (closing) => {
        this.#listening.delete(closing);
        this.faults.release();
      },
    );
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
