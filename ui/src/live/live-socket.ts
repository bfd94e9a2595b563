import type { LiveEvent } from 'daraja-client/emulator';

/** The only module that opens WebSockets: it follows `/_emulator/live` and reconnects after restarts. */

export type LiveState = 'connecting' | 'open' | 'closed';

export interface LiveStatus {
  state: LiveState;
  /** Failed connection attempts since the socket was last open. */
  failures: number;
  /** When closed: how long until the next attempt. */
  retryInMs?: number;
}

export type LiveListener = (event: LiveEvent) => void;
export type StatusListener = (status: LiveStatus) => void;

/** What components need from the live feed; tests pass a fake with the same shape. */
export interface LiveSource {
  readonly status: LiveStatus;
  /**
   * Open, but the emulator's `hello` has not arrived yet. Lists load on that `hello`; loading in this window
   * as well would ask twice.
   */
  readonly awaitingHello?: boolean;
  subscribe(listener: LiveListener): () => void;
  onStatus(listener: StatusListener): () => void;
}

/** The subset of the browser's WebSocket this module uses, so tests can hand in a fake. */
export interface SocketLike {
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

export interface LiveSocketOptions {
  url: string;
  createSocket?: (url: string) => SocketLike;
  /** First retry delay; doubles on each failure up to maxDelayMs. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

export class LiveSocket implements LiveSource {
  #status: LiveStatus = { state: 'closed', failures: 0 };
  #awaitingHello = false;
  #socket: SocketLike | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #stopped = true;
  readonly #listeners = new Set<LiveListener>();
  readonly #statusListeners = new Set<StatusListener>();
  readonly #url: string;
  readonly #createSocket: (url: string) => SocketLike;
  readonly #minDelayMs: number;
  readonly #maxDelayMs: number;

  constructor(options: LiveSocketOptions) {
    this.#url = options.url;
    this.#createSocket = options.createSocket ?? ((url) => new WebSocket(url));
    this.#minDelayMs = options.minDelayMs ?? 250;
    this.#maxDelayMs = options.maxDelayMs ?? 4000;
  }

  get status(): LiveStatus {
    return this.#status;
  }

  subscribe(listener: LiveListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  onStatus(listener: StatusListener): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#retry);
    const socket = this.#socket;
    this.#socket = undefined;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
    this.#setStatus({ state: 'closed', failures: 0 });
  }

  #connect(): void {
    this.#setStatus({ state: 'connecting', failures: this.#status.failures });
    let socket: SocketLike;
    try {
      socket = this.#createSocket(this.#url);
    } catch {
      this.#scheduleRetry();
      return;
    }
    this.#socket = socket;
    socket.onopen = () => {
      this.#awaitingHello = true;
      this.#setStatus({ state: 'open', failures: 0 });
    };
    socket.onmessage = (message) => this.#receive(message.data);
    // Errors are always followed by close; the retry lives there so it is scheduled once.
    socket.onerror = () => undefined;
    socket.onclose = () => {
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      if (!this.#stopped) this.#scheduleRetry();
    };
  }

  #scheduleRetry(): void {
    const failures = this.#status.failures + 1;
    // Doubling delay, capped, so a restarting emulator is picked up within a few seconds without hammering it.
    const delay = Math.min(this.#maxDelayMs, this.#minDelayMs * 2 ** (failures - 1));
    this.#setStatus({ state: 'closed', failures, retryInMs: delay });
    this.#retry = setTimeout(() => {
      if (!this.#stopped) this.#connect();
    }, delay);
  }

  #receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let event: LiveEvent;
    try {
      event = JSON.parse(data) as LiveEvent;
    } catch {
      return;
    }
    if (typeof event !== 'object' || event === null || typeof event.type !== 'string') return;
    if (event.type === 'hello') this.#awaitingHello = false;
    for (const listener of [...this.#listeners]) listener(event);
  }

  get awaitingHello(): boolean {
    return this.#awaitingHello && this.#status.state === 'open';
  }

  #setStatus(status: LiveStatus): void {
    this.#status = status;
    for (const listener of [...this.#statusListeners]) listener(status);
  }
}

/** The socket URL for a page served by the emulator: same host, ws or wss to match the page. */
export function liveUrlFor(location: Pick<Location, 'protocol' | 'host'>, token?: string): string {
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/_emulator/live${query}`;
}
