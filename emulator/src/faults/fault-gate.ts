import type { ServerResponse } from 'node:http';
import { DarajaErrors } from 'daraja-client/wire';
import type { AppConfig, FaultEffect, Settings } from 'daraja-client/emulator';
import { DarajaError } from '../http/daraja-error.js';
import type { Exchange } from '../http/exchange.js';
import { isDarajaTraffic, isOAuthPath } from '../http/endpoint-key.js';
import type { OAuthService } from '../apis/oauth/service.js';
import type { Scheduler } from '../time/scheduler.js';
import type { Timers } from '../time/timers.js';
import type { FaultRuleSet } from './fault-rules.js';
import { requestSubject } from './matchers.js';
import { sampleDelay } from './delay-spec.js';
import { faultError, sendApigeeFault, sendHtmlPage, truncateResponse } from './http-effects.js';
import type { RateLimiter } from './rate-limiter.js';

export interface FaultGateDeps {
  rules: FaultRuleSet;
  limiter: RateLimiter;
  settings: () => Settings;
  oauth: OAuthService;
  apps: () => AppConfig[];
  scheduler: Scheduler;
  timers: Timers;
  /** Requests held open by a hang or a delay; `release` closes them when the emulator stops. */
  held: Set<ServerResponse>;
}

const ANSWERS = new Set<FaultEffect['type']>(['error', 'html-503', 'apigee-fault', 'reset', 'hang']);

/**
 * The gateway in front of every Daraja API: spike arrest, then the HTTP-level fault rules, in order.
 * Delays add up; the first rule that answers (error, page, fault, reset, hang) ends the evaluation;
 * `truncate` lets the handler answer and cuts the body. Runs after body parsing and before the APIs;
 * `next` is called with nothing to go on, with an error to answer it, or not at all when a rule answered.
 */
export type FaultGate = (exchange: Exchange, next: (error?: unknown) => void) => void;

export function faultGate(deps: FaultGateDeps): FaultGate {
  return (exchange, next) => {
    const { req, res, ctx } = exchange;
    const settings = deps.settings().rateLimit;
    const limited = settings.tps > 0 && !isOAuthPath(exchange.path);
    // Most requests meet no rule and no limit: they pass without a token lookup.
    if (!isDarajaTraffic(exchange.method, exchange.path) || (!limited && !deps.rules.has('http')))
      return next();
    const app = appOf(exchange, deps);
    if (limited) {
      const key = settings.scope === 'global' ? 'global' : (app ?? 'anonymous');
      if (!deps.limiter.admit(key, deps.scheduler.clock.now(), settings)) {
        return next(
          new DarajaError(
            DarajaErrors.spikeArrest,
            `Rate limit: more than ${settings.tps} request(s) per second ${settings.scope === 'global' ? 'in total' : `for ${key}`} (rateLimit.tps, ${settings.algorithm}).`,
            { status: settings.status },
          ),
        );
      }
    }
    const fired = deps.rules.fire('http', requestSubject(exchange.path, exchange.body, app), (e) =>
      ANSWERS.has(e.type),
    );
    if (fired.length === 0) return next();
    ctx.rules.push(...fired.map((f) => f.name));
    let delayMs = 0;
    let realDelayMs = 0;
    for (const f of fired) {
      if (f.effect.type !== 'delay') continue;
      const ms = sampleDelay(f.effect.ms, f.random);
      if (f.effect.clock === 'real') realDelayMs += ms;
      else delayMs += ms;
      ctx.explanation.push(
        `Fault rule "${f.name}" delayed this request by ${ms} ms (${f.effect.clock === 'real' ? 'real time' : 'emulator clock'}).`,
      );
    }
    const proceed = () => {
      for (const f of fired) {
        const e = f.effect;
        switch (e.type) {
          case 'truncate':
            truncateResponse(exchange, e, f.name);
            break;
          case 'error':
            return next(faultError(e, exchange.path, f.name));
          case 'html-503':
            ctx.explanation.push(`Fault rule "${f.name}" answered with the gateway's HTML error page.`);
            return sendHtmlPage(exchange, e);
          case 'apigee-fault':
            ctx.explanation.push(`Fault rule "${f.name}" answered with an Apigee fault.`);
            return sendApigeeFault(exchange, e);
          case 'reset':
            ctx.explanation.push(`Fault rule "${f.name}" reset the connection without answering.`);
            req.socket.destroy();
            return;
          case 'hang':
            ctx.explanation.push(`Fault rule "${f.name}" held the request open without answering.`);
            hold(res, deps.held);
            return;
        }
      }
      next();
    };
    if (delayMs === 0 && realDelayMs === 0) return proceed();
    wait(exchange, deps, delayMs, realDelayMs, proceed);
  };
}

/** Waits on the emulator clock (released by advance() when it is manual), then in real time. */
function wait(
  exchange: Exchange,
  deps: FaultGateDeps,
  clockMs: number,
  realMs: number,
  then: () => void,
): void {
  const { res } = exchange;
  hold(res, deps.held);
  let job: number | undefined;
  let timer: unknown;
  let gone = false;
  res.once('close', () => {
    gone = true;
    if (job !== undefined) deps.scheduler.cancel(job);
    if (timer !== undefined) deps.timers.clearTimeout(timer);
  });
  const afterReal = () => {
    if (gone) return;
    deps.held.delete(res);
    then();
  };
  const afterClock = () => {
    job = undefined;
    if (gone) return;
    if (realMs > 0) timer = deps.timers.setTimeout(afterReal, realMs);
    else afterReal();
  };
  if (clockMs > 0)
    job = deps.scheduler.after(clockMs, `fault delay ${exchange.method} ${exchange.path}`, afterClock);
  else afterClock();
}

function hold(res: ServerResponse, held: Set<ServerResponse>): void {
  held.add(res);
  res.once('close', () => {
    held.delete(res);
    // A client that gave up may leave its half of the connection open; an unanswered request would then
    // keep the server from closing.
    if (!res.writableFinished) res.socket?.destroy();
  });
}

/** The app behind the request: from the bearer token, or from the Basic credentials on the token endpoint. */
function appOf(exchange: Exchange, deps: FaultGateDeps): string | undefined {
  const [scheme, value] = (exchange.req.headers.authorization ?? '').trim().split(/\s+/, 2);
  if (!scheme || !value) return undefined;
  if (scheme.toLowerCase() === 'bearer') {
    const check = deps.oauth.verify(value);
    return check.ok ? check.appId : undefined;
  }
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const key = decoded.slice(0, Math.max(0, decoded.indexOf(':')));
    if (!key) return undefined;
    return deps.apps().find((a) => a.consumerKey === key)?.name ?? `key:${key}`;
  }
  return undefined;
}
