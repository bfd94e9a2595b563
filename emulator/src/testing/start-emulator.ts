import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {
  DeliveryView,
  JournalEntry,
  Settings,
  SettingsPatch,
  TransactionView,
} from 'daraja-client/emulator';
import { Emulator } from '../emulator.js';
import type { EmulatorOptions } from '../emulator-options.js';
import type { Listening } from '../http/listening.js';
import { attachInternals, emulatorHandle, internalsOf } from '../internals.js';
import type { DarajaEmulator } from '../public-emulator.js';
import { ADMIN_TOKEN_HEADER } from '../http/admin-guard.js';
import { SANDBOX_PASSKEY, SANDBOX_SHORTCODE } from '../config/defaults.js';
import { serveTls } from '../tls/serve-tls.js';
import type { TlsEndpoint } from '../tls/tls-endpoint.js';
import type { StoredRecord } from '../store/store.js';
import { CallbackSink, type CallbackSinkOptions } from './callback-sink.js';
import { Customer } from './customer.js';
import type { CallbackFilter } from './callback-filter.js';
import { DeliveryQueue } from './delivery-queue.js';
import type { KitContext } from './kit-context.js';
import { Phone } from './phone.js';
import type { CallbackVariant } from '../conformance/callback-variant.js';
import { playConformance, type ConformancePlayOptions, type ConformanceRun } from './conformance-kit.js';

/** The OAuth service's collection of issued tokens. */
const TOKENS = 'tokens';

/** Options of `startEmulator`: those of `createEmulator`, with test-friendly defaults. */
export interface StartOptions extends Omit<EmulatorOptions, 'clock' | 'store' | 'uiDir'> {
  /** `manual` (default: time moves only when the test says) or `system`. */
  clock?: 'manual' | 'system';
  /** Serve HTTPS too; `true` makes a throwaway CA in a temporary folder, `dir` keeps one across runs. */
  tls?: boolean | { dir?: string };
  /** Serve the phone UI (default off). */
  uiDir?: string | false;
}

/** Filters of `journal()`. */
export interface JournalFilter {
  api?: string;
  status?: number;
  transactionId?: string;
  limit?: number;
}

/** Filters of `transactions()`. */
export interface TransactionFilter {
  type?: TransactionView['type'];
  status?: TransactionView['status'];
  phone?: string;
  shortcode?: string;
  limit?: number;
}

/** Filters of `deliveries()`. */
export interface DeliveryFilter {
  transactionId?: string;
  status?: DeliveryView['status'];
  kind?: DeliveryView['kind'];
  limit?: number;
}

/** Settings for `new DarajaClient(...)` (or any client) pointed at this emulator's STK test shortcode. */
export interface ClientConfig {
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  shortcode: string;
  passkey: string;
}

/** Starts an emulator in this process on a free 127.0.0.1 port, with a memory store; see TestEmulator. */
export async function startEmulator(options: StartOptions = {}): Promise<TestEmulator> {
  const { tls, clock = 'manual', uiDir = false, ...rest } = options;
  const emulator = new Emulator({ ...rest, clock, store: 'memory', uiDir });
  const http = await emulator.listen(0, '127.0.0.1');
  let tlsEndpoint: TlsEndpoint | undefined;
  let tempDir: string | undefined;
  if (tls) {
    const dir =
      typeof tls === 'object' && tls.dir
        ? tls.dir
        : (tempDir = mkdtempSync(path.join(tmpdir(), 'daraja-emulator-tls-')));
    try {
      tlsEndpoint = await serveTls(emulator, http, { dir, port: 0, host: '127.0.0.1' });
    } catch (error) {
      await emulator.close();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
      throw error;
    }
  }
  return new TestEmulator(emulatorHandle(emulator), http, options.adminToken, tlsEndpoint, tempDir);
}

/**
 * An emulator running in the test's own process: Daraja's API at `url`, plus helpers that act as the
 * customer's phone, wait for callbacks, move virtual time and read what happened.
 */
export class TestEmulator {
  /** Base URL of Daraja's API and the control API, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly port: number;
  /** The HTTPS side, when started with `tls`. */
  readonly tls: TlsEndpoint | undefined;
  readonly #http: Listening;
  readonly #initialSettings: Settings;
  readonly #queue: DeliveryQueue;
  readonly #sinks = new Set<CallbackSink>();
  readonly #kit: KitContext;
  readonly #tempDir: string | undefined;
  readonly #adminToken: string | undefined;
  readonly #emulator: Emulator;

  /** Made by `startEmulator`. */
  constructor(
    handle: DarajaEmulator,
    http: Listening,
    adminToken: string | undefined,
    tls: TlsEndpoint | undefined,
    tempDir: string | undefined,
  ) {
    const emulator = internalsOf(handle);
    this.#emulator = emulator;
    attachInternals(this, emulator);
    this.#http = http;
    this.url = http.url;
    this.port = http.port;
    this.tls = tls;
    this.#tempDir = tempDir;
    this.#adminToken = adminToken;
    this.#initialSettings = emulator.settings.current;
    this.#queue = new DeliveryQueue(emulator.events);
    this.#kit = {
      emulator: handle,
      url: this.url,
      controlHeaders: adminToken ? { [ADMIN_TOKEN_HEADER]: adminToken } : {},
      flush: async () => {
        if (emulator.clock.kind === 'manual') await emulator.advance(0);
      },
    };
  }

  /** The customer's handset with this number: accept, decline or ignore its STK prompt. */
  phone(msisdn: string): Phone {
    return new Phone(msisdn, this.#kit);
  }

  /** A customer paying a paybill or till from the M-Pesa menu (C2B). */
  customer(msisdn: string): Customer {
    return new Customer(msisdn, this.#kit);
  }

  /** Waits for the next settled callback delivery matching `filter` (one no earlier call returned). */
  nextCallback(filter: CallbackFilter = {}): Promise<DeliveryView> {
    return this.#queue.next(filter, () => this.#whyNothing());
  }

  /** Starts a local server that records callbacks and answers 200; closed with the emulator. */
  async callbackSink(options: CallbackSinkOptions = {}): Promise<CallbackSink> {
    const sink = await new CallbackSink(options).listen();
    this.#sinks.add(sink);
    return sink;
  }

  /**
   * Callback conformance: arms the emulator with a catalogue variant, has your app start the payment
   * (`trigger`), plays the variant on the emulator clock (calling `reconcile` at the app's timeout) and
   * returns the callbacks sent, your app's answers and any problems with them. Assert your app's state.
   */
  play<T>(variant: CallbackVariant | string, options: ConformancePlayOptions<T>): Promise<ConformanceRun<T>> {
    return playConformance(this.url, this.#adminToken, variant, options);
  }

  /** Manual clock: moves time forward by `ms`, running prompt timeouts, callbacks and token expiry on the way. */
  advance(ms: number): Promise<number> {
    return this.#emulator.advance(ms);
  }

  /** Manual clock: runs everything pending, however far ahead. */
  runAll(): Promise<number> {
    return this.#emulator.runAll();
  }

  /** The current emulator time (ms since the epoch). */
  now(): number {
    return this.#emulator.clock.now();
  }

  /** Daraja requests as received and answered, newest first. */
  journal(filter: JournalFilter = {}): JournalEntry[] {
    return this.#emulator.journal.list(filter);
  }

  /** Transactions, newest first. */
  transactions(filter: TransactionFilter = {}): TransactionView[] {
    return this.#emulator.transactions.list(filter);
  }

  /** One transaction by id, receipt, MerchantRequestID or conversation id. */
  transaction(key: string): TransactionView | undefined {
    return this.#emulator.transactions.find(key);
  }

  /** Callback deliveries with their attempts, newest first. */
  deliveries(filter: DeliveryFilter = {}): DeliveryView[] {
    return this.#emulator.outbox.list(filter);
  }

  /** Changes settings (validated) and returns them all; with no patch, returns the current ones. */
  settings(patch?: SettingsPatch): Settings {
    return patch ? this.#emulator.settings.update(patch) : this.#emulator.settings.current;
  }

  /** What `new DarajaClient(...)` needs to talk to this emulator with the STK test shortcode 174379. */
  clientConfig(): ClientConfig {
    const app = this.#emulator.world.apps[0];
    return {
      baseUrl: this.url,
      consumerKey: app?.consumerKey ?? 'test-consumer-key',
      consumerSecret: app?.consumerSecret ?? 'test-consumer-secret',
      shortcode: SANDBOX_SHORTCODE,
      passkey: SANDBOX_PASSKEY,
    };
  }

  /**
   * Back to a fresh start between tests: state emptied and the world seeded again, settings as given to
   * `startEmulator`, unclaimed callbacks and sink records dropped. The server, the clock's time and issued
   * OAuth tokens stay.
   */
  async reset(): Promise<void> {
    await this.#emulator.scheduler.idle();
    // Apps under test cache their token for an hour; dropping it on every reset would fail their next call.
    const tokens = this.#emulator.store.collection<StoredRecord>(TOKENS);
    const issued = [...tokens.values()];
    this.#emulator.reset();
    for (const token of issued) tokens.put(token);
    if (this.#emulator.settings.current !== this.#initialSettings)
      this.#emulator.settings.replace(this.#initialSettings);
    this.#queue.clear();
    for (const sink of this.#sinks) sink.clear();
  }

  /** Stops the servers, the sinks and the timers. */
  async close(): Promise<void> {
    this.#queue.close();
    for (const sink of this.#sinks) await sink.close();
    await this.tls?.close();
    // Tests often leave keep-alive connections open; waiting for them would hang the close.
    const closing = this.#http.close();
    this.#http.server.closeAllConnections();
    await closing;
    await this.#emulator.close();
    if (this.#tempDir) rmSync(this.#tempDir, { recursive: true, force: true });
  }

  #whyNothing(): string {
    const pending = this.#emulator.scheduler.pending();
    const clock = this.#emulator.clock;
    const waiting = this.#queue.unclaimed.map((d) => `${d.kind} to ${d.url}`);
    return [
      `Clock: ${clock.kind}.`,
      pending.length
        ? `Pending work: ${pending.map((j) => `${j.label} in ${j.at - clock.now()} ms`).join('; ')}.`
        : 'No pending work.',
      clock.kind === 'manual' && pending.length
        ? 'On the manual clock, call advance(ms) or runAll() to run it.'
        : '',
      waiting.length ? `Unclaimed callbacks: ${waiting.join('; ')}.` : '',
    ]
      .filter(Boolean)
      .join(' ');
  }
}
