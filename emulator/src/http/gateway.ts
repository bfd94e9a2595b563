import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Settings } from 'daraja-client/emulator';
import type { OAuthService } from '../apis/oauth/service.js';
import type { Outbox } from '../callbacks/outbox.js';
import type { FaultGate } from '../faults/fault-gate.js';
import type { IdFactory } from '../ids/ids.js';
import type { Journal } from '../journal/journal.js';
import { journalExchange, type ExchangeRecorder } from '../journal/journal-exchange.js';
import type { Store } from '../store/store.js';
import type { Clock } from '../time/clock.js';
import { DarajaErrors } from 'daraja-client/wire';
import { checkBearer } from './bearer.js';
import { DarajaError } from './daraja-error.js';
import { takeDarajaBody } from './daraja-body.js';
import type { DarajaRoute } from './daraja-route.js';
import { endpointKey } from './endpoint-key.js';
import { Exchange } from './exchange.js';
import { darajaFailure } from './failure.js';
import { routeTakes, unmatched } from './unmatched.js';
import { bodyReader } from './read-body.js';
import type { RequestContext } from './request-context.js';
import { sendDarajaError } from './send-error.js';

/** Whether a body that is not a JSON object gets 400.002.05 on this route (see DarajaRoute.malformedBody). */
function answersInvalidPayload(route: DarajaRoute, settings: Settings): boolean {
  const mode = settings.http.malformedBody;
  return mode === 'per-api' ? route.malformedBody === 'invalid-payload' : mode === 'invalid-payload';
}

/** Requests that are not Daraja traffic are not journaled. */
const UNRECORDED: ExchangeRecorder = { answered: () => undefined, reopen: () => undefined };

export interface GatewayDeps {
  routes: DarajaRoute[];
  oauth: OAuthService;
  journal: Journal;
  clock: Clock;
  ids: IdFactory;
  faults: FaultGate;
  outbox: Outbox;
  /** A route's writes are committed together, before its answer leaves. */
  store: Store;
  /** Daraja requests wait while more callbacks than this are due and not yet sent. */
  backlogLimit: number;
  bodyLimitBytes: number;
  settings: () => Settings;
  /** Why a request's callback URL may not be called (it leads back into the emulator, say). */
  callbackRefusal: (body: Record<string, unknown>) => { field: string; reason: string } | undefined;
  log: (line: string) => void;
}

/**
 * Daraja's side of the emulator, as Daraja's API gateway would serve it: every request is journaled, waits
 * while the callback backlog is over its limit (a client sending faster than its callbacks can go out is
 * slowed down, as a busy gateway would, instead of the backlog and memory growing without bound), has its
 * body read, passes the fault gate, and reaches its route (token check, then the API) or Daraja's answer
 * for an unknown path or a wrong method. Anything thrown becomes Daraja's error envelope in one place.
 */
export class DarajaGateway {
  readonly #deps: GatewayDeps;
  readonly #routes = new Map<string, DarajaRoute>();
  readonly #readBody: ReturnType<typeof bodyReader>;

  constructor(deps: GatewayDeps) {
    this.#deps = deps;
    for (const route of deps.routes) this.#routes.set(endpointKey(route.path), route);
    this.#readBody = bodyReader(deps.bodyLimitBytes);
  }

  /**
   * Serves a request. `daraja` is false for what is not Daraja traffic but still ends here (a path the UI
   * does not have): such requests are not journaled and get a request id only if an error needs one.
   */
  handle(req: IncomingMessage, res: ServerResponse, daraja = true): void {
    const exchange = new Exchange(req, res, daraja ? this.#context() : this.#lazyContext());
    const recorder = daraja ? journalExchange(this.#deps.journal, this.#deps.clock, exchange) : UNRECORDED;
    const { outbox, backlogLimit } = this.#deps;
    if (outbox.waiting < backlogLimit) return this.#read(exchange, recorder);
    outbox.waitingBelow(backlogLimit).then(
      () => this.#read(exchange, recorder),
      (error: unknown) => this.#fail(exchange, error),
    );
  }

  /** Answers an error raised before the gateway saw the request (while serving a UI path, say). */
  failed(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    this.#fail(new Exchange(req, res, this.#lazyContext()), error);
  }

  #read(exchange: Exchange, recorder: ExchangeRecorder): void {
    this.#readBody(exchange.req, (error, buffer) => {
      if (error) return this.#fail(exchange, error);
      takeDarajaBody(exchange, buffer);
      // Named before the fault gate, so that a request a rule answered is journaled under its API too.
      const api = this.#routes.get(exchange.route)?.api;
      if (api) exchange.ctx.api = api;
      this.#deps.faults(exchange, (failure) =>
        failure === undefined ? this.#route(exchange, recorder) : this.#fail(exchange, failure),
      );
    });
  }

  /**
   * Runs the route with its writes grouped: they reach the log in one write with the journal entry,
   * committed just before the answer is handed to node (or after a route that answered nothing), so
   * nothing is acknowledged before it is durable. A commit that fails turns the answer into an internal
   * error.
   */
  #route(exchange: Exchange, recorder: ExchangeRecorder): void {
    const { store } = this.#deps;
    store.begin();
    let open = true;
    const commit = () => {
      if (!open) return;
      open = false;
      try {
        recorder.answered();
        store.commit();
      } catch (error) {
        recorder.reopen();
        throw error;
      }
    };
    exchange.beforeAnswer = commit;
    try {
      const route = this.#routes.get(exchange.route);
      if (!route || !routeTakes(route, exchange.method))
        throw unmatched(exchange, route, this.#deps.settings());
      exchange.ctx.api = route.api;
      if (route.invalidToken) checkBearer(this.#deps.oauth, exchange, route.invalidToken);
      if (exchange.malformed !== undefined && answersInvalidPayload(route, this.#deps.settings())) {
        throw new DarajaError(
          DarajaErrors.invalidPayload,
          `${exchange.malformed} This API answers such a body with ${DarajaErrors.invalidPayload.code} ${DarajaErrors.invalidPayload.message} (setting http.malformedBody).`,
        );
      }
      const refused = this.#deps.callbackRefusal(exchange.body);
      if (refused) {
        throw new DarajaError(
          DarajaErrors.invalidField(refused.field),
          `${refused.field}: ${refused.reason}.`,
        );
      }
      route.handle(exchange);
    } catch (error) {
      this.#fail(exchange, error);
    } finally {
      commit();
    }
  }

  #fail(exchange: Exchange, error: unknown): void {
    if (exchange.res.headersSent) return;
    const where = `${exchange.method} ${exchange.path}`;
    try {
      sendDarajaError(exchange, darajaFailure(error, where, this.#deps.log));
    } catch (again) {
      // The answer's writes could not be committed: nothing was sent, and the commit is not retried.
      if (!exchange.res.headersSent) sendDarajaError(exchange, darajaFailure(again, where, this.#deps.log));
    }
  }

  #context(): RequestContext {
    return { requestId: this.#deps.ids.requestId(), explanation: [], rules: [] };
  }

  /** A request id made only when asked for, so that seeded ids do not depend on how many UI files were loaded. */
  #lazyContext(): RequestContext {
    const ids = this.#deps.ids;
    let requestId: string | undefined;
    const ctx = { explanation: [], rules: [] } as unknown as RequestContext;
    Object.defineProperty(ctx, 'requestId', {
      get: () => (requestId ??= ids.requestId()),
      set: (value: string) => (requestId = value),
      configurable: true,
      enumerable: true,
    });
    return ctx;
  }
}
