import type { RequestHandler } from 'express';
import type { Outbox } from '../callbacks/outbox.js';

/**
 * Holds Daraja requests while more than `limit` callbacks are due and still waiting for a delivery slot.
 * A client that sends requests faster than their callbacks can go out (a load test, a target that hangs)
 * is slowed down, as a busy gateway would be, instead of the backlog, and memory, growing without bound.
 */
export function callbackBackpressure(outbox: Outbox, limit: number): RequestHandler {
  return (_req, _res, next) => {
    if (outbox.waiting < limit) return next();
    outbox.waitingBelow(limit).then(() => next(), next);
  };
}
