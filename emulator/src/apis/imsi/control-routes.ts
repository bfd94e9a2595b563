import { Router, type Request } from 'express';
import type { SimPatch } from 'daraja-client/emulator';
import { ControlError } from '../../control/control-error.js';
import { bodyObject } from '../../control/query-params.js';
import { readMsisdn } from '../../validation/fields.js';
import type { Sims } from './sims.js';

function msisdnOf(req: Request): string {
  const read = readMsisdn(req.params.msisdn);
  if (!read.ok) throw new ControlError(400, 'invalid_msisdn', `msisdn: ${read.reason}.`);
  return read.value;
}

/** A date given as epoch milliseconds or an ISO-8601 string. */
function dateOf(field: string, value: unknown): number {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) {
    throw new ControlError(
      400,
      'invalid_date',
      `${field} must be epoch milliseconds or an ISO-8601 date such as "2026-11-20T10:00:00+03:00".`,
    );
  }
  return ms;
}

/**
 * The SIM behind a phone number, as the IMSI and SIM Swap checks report it: read it, set its registration
 * and last swap dates, or swap it now (as the phone's "Swap SIM" does).
 */
export function imsiControlRoutes(sims: Sims): Router {
  const router = Router();
  router.get('/sims/:msisdn', (req, res) => {
    res.json(sims.view(msisdnOf(req)));
  });
  router.patch('/sims/:msisdn', (req, res) => {
    const msisdn = msisdnOf(req);
    const body = bodyObject(req) as SimPatch;
    const change: { registeredAt?: number; lastSwapAt?: number | null } = {};
    if (body.registeredAt !== undefined) change.registeredAt = dateOf('registeredAt', body.registeredAt);
    if (body.lastSwapAt === null) change.lastSwapAt = null;
    else if (body.lastSwapAt !== undefined) change.lastSwapAt = dateOf('lastSwapAt', body.lastSwapAt);
    res.json(sims.update(msisdn, change));
  });
  router.post('/sims/:msisdn/swap', (req, res) => {
    res.json(sims.swapNow(msisdnOf(req)));
  });
  return router;
}
