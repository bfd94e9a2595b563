import type { RequestHandler } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { ControlError } from '../control/control-error.js';

/** Header that carries the admin token for the control API when the emulator listens beyond loopback. */
export const ADMIN_TOKEN_HEADER = 'x-emulator-token';

export function adminGuard(token: string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (!token) return next();
    const given = req.headers[ADMIN_TOKEN_HEADER];
    const ok =
      typeof given === 'string' &&
      given.length === token.length &&
      timingSafeEqual(Buffer.from(given), Buffer.from(token));
    next(
      ok
        ? undefined
        : new ControlError(401, 'unauthorized', `Send the admin token in the ${ADMIN_TOKEN_HEADER} header.`),
    );
  };
}

/** Every method the control API answers (PUT /faults and /state, DELETE of rules, PATCH of settings, ...). */
export const CONTROL_METHODS = 'GET, POST, PUT, PATCH, DELETE';

/** CORS for the control API: off unless origins are configured. */
export function controlCors(origins: string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && origins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Methods', CONTROL_METHODS);
      res.setHeader('Access-Control-Allow-Headers', `Content-Type, ${ADMIN_TOKEN_HEADER}`);
      if (req.method === 'OPTIONS') return void res.status(204).end();
    }
    next();
  };
}
