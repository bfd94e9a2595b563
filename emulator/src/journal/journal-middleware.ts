import type { RequestHandler } from 'express';
import type { Clock } from '../time/clock.js';
import type { IdFactory } from '../ids/ids.js';
import type { Journal } from './journal.js';
import { maskSecrets } from './mask.js';
import type { RequestContext } from '../http/request-context.js';

/**
 * Starts each Daraja request's context (request id, notes) and records the exchange in the journal when
 * the answer has been sent. Bodies are masked before they are kept.
 */
export function journalMiddleware(journal: Journal, clock: Clock, ids: IdFactory): RequestHandler {
  return (req, res, next) => {
    const ctx = res.locals as RequestContext;
    ctx.requestId = ids.requestId();
    const entryId = ctx.requestId;
    ctx.explanation = [];
    ctx.rules = [];
    const started = clock.now();
    const t0 = process.hrtime.bigint();
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      ctx.responseBody = body;
      return json(body);
    };
    let recorded = false;
    // 'close' without 'finish': the connection ended with no complete answer (a reset or hang fault, or
    // a client that gave up); such exchanges are journaled too, with the status sent, if any, else 0.
    const record = () => {
      if (recorded) return;
      recorded = true;
      journal.record({
        id: entryId,
        at: started,
        method: req.method,
        path: req.originalUrl.split('?')[0] ?? req.originalUrl,
        ...(ctx.api ? { api: ctx.api } : {}),
        ...(ctx.appId ? { appId: ctx.appId } : {}),
        status: res.writableFinished || res.headersSent ? res.statusCode : 0,
        requestBody: maskSecrets(ctx.body),
        responseBody: maskSecrets(ctx.responseBody ?? ''),
        explanation: ctx.explanation,
        ...(ctx.transactionId ? { transactionId: ctx.transactionId } : {}),
        ...(ctx.rules.length ? { rules: ctx.rules } : {}),
        durationMs: Number(process.hrtime.bigint() - t0) / 1e6,
      });
    };
    res.on('finish', record);
    res.on('close', record);
    next();
  };
}
