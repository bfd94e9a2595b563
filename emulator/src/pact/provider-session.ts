import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig, JournalEntry } from 'daraja-client/emulator';
import { Emulator, type EmulatorOptions } from '../emulator.js';
import type { HttpPoster } from '../callbacks/http-post.js';

/** A callback the emulator sent during verification; nothing leaves the machine. */
export interface CapturedCallback {
  url: string;
  body: unknown;
}

/** Used for bearer tokens when no state named an app and the world has none. */
const FALLBACK_APP: AppConfig = {
  name: 'pact-verifier',
  consumerKey: 'pact-verifier',
  consumerSecret: 'pact-verifier',
};

/** How callback targets answer: a plain acknowledgement, which every Daraja callback accepts. */
const CALLBACK_ANSWER = JSON.stringify({ ResultCode: 0, ResultDesc: 'Accepted' });

/**
 * The emulator a provider verification talks to. Each interaction gets a fresh emulator (a manual clock,
 * a memory store, the configured world), so interactions never see each other's state. Callbacks are
 * captured instead of sent. Bearer tokens the emulator did not issue (a consumer's recorded token) are
 * swapped for a valid one, unless a state said the token is meant to be invalid.
 */
export class ProviderSession {
  readonly callbacks: CapturedCallback[] = [];
  /** The journal of each interaction's emulator, oldest entry first, in the order they ran. */
  readonly journals: JournalEntry[][] = [];
  readonly #options: EmulatorOptions;
  #emulator: Emulator;
  #server: Server | undefined;
  #url: string | undefined;
  #keepToken = false;
  #app: AppConfig | undefined;

  constructor(options: EmulatorOptions = {}) {
    this.#options = options;
    this.#emulator = this.#create();
  }

  /** The emulator of the current interaction. */
  get emulator(): Emulator {
    return this.#emulator;
  }

  /** Starts the HTTP server the verifier calls; resolves with its base URL. */
  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = createServer((req, res) => this.#handle(req, res));
    server.keepAliveTimeout = 1_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.#server = server;
    this.#url = `http://${host}:${(server.address() as AddressInfo).port}`;
    return this.#url;
  }

  /** Calls the emulator over HTTP, as an app would: with a valid token for Daraja paths. */
  async call(
    method: string,
    path: string,
    body: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown }> {
    if (this.#url === undefined) throw new Error('ProviderSession.call needs listen() first');
    const headers: Record<string, string> = { ...extraHeaders, 'content-type': 'application/json' };
    // Every Daraja path (not only /mpesa/…: Ratiba and Bill Manager sit elsewhere) takes the bearer token.
    if (!path.startsWith('/_emulator')) headers.authorization = `Bearer ${this.issueToken()}`;
    const response = await fetch(`${this.#url}${path}`, { method, headers, body: JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  }

  /** Replaces the emulator with a fresh one: called before each interaction's states are set up. */
  async fresh(): Promise<void> {
    const old = this.#emulator;
    this.#keepJournal(old);
    this.#emulator = this.#create();
    this.callbacks.length = 0;
    this.#keepToken = false;
    this.#app = undefined;
    await old.close();
  }

  /** Adds (or updates) a Daraja app; later bearer tokens are issued to it. */
  addApp(consumerKey: string, consumerSecret: string): AppConfig {
    const apps = this.#emulator.world.apps;
    const index = apps.findIndex((a) => a.consumerKey === consumerKey);
    // A new object, so the configured world shared by every interaction's emulator stays untouched.
    const app = { name: apps[index]?.name ?? consumerKey, consumerKey, consumerSecret };
    if (index >= 0) apps[index] = app;
    else apps.push(app);
    this.#app = app;
    return app;
  }

  /** Issues a real access token, to the named app or the one a state added. */
  issueToken(consumerKey?: string): string {
    const apps = this.#emulator.world.apps;
    const app =
      (consumerKey === undefined ? undefined : apps.find((a) => a.consumerKey === consumerKey)) ??
      (consumerKey === undefined ? (this.#app ?? apps[0]) : undefined) ??
      (consumerKey === undefined ? FALLBACK_APP : { ...FALLBACK_APP, consumerKey });
    const basic = Buffer.from(`${app.consumerKey}:${app.consumerSecret}`).toString('base64');
    return this.#emulator.oauth.issue(`Basic ${basic}`, 'client_credentials').token.access_token;
  }

  /** Leaves the interaction's bearer token as recorded, so the emulator judges it. */
  keepRecordedToken(): void {
    this.#keepToken = true;
  }

  async close(): Promise<void> {
    const server = this.#server;
    if (server) {
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    }
    this.#keepJournal(this.#emulator);
    await this.#emulator.close();
  }

  /** Kept so a failed interaction can be explained once the verifier has reported. */
  #keepJournal(emulator: Emulator): void {
    const entries = emulator.journal.list({ limit: 50 }).reverse();
    if (entries.length > 0) this.journals.push(entries);
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const bearer = /^Bearer\s+(\S*)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer !== undefined && !this.#keepToken && !this.#emulator.oauth.verify(bearer).ok) {
      req.headers.authorization = `Bearer ${this.issueToken()}`;
    }
    this.#emulator.app(req, res);
  }

  #create(): Emulator {
    const poster: HttpPoster = async (url, body) => {
      this.callbacks.push({ url, body: JSON.parse(body) as unknown });
      return { status: 200, body: CALLBACK_ANSWER, durationMs: 1 };
    };
    return new Emulator({
      seed: 'pact',
      ...this.#options,
      clock: 'manual',
      store: 'memory',
      uiDir: false,
      poster,
    });
  }
}
