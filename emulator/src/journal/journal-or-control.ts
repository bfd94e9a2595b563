import type express from 'express';
import { CONTROL_PREFIX } from 'daraja-client/emulator';
import type { Emulator } from '../emulator.js';
import { journalMiddleware } from './journal-middleware.js';

/** Journals Daraja requests; control-API and UI requests are not Daraja traffic and are not journaled. */
export function journalOrControl(emulator: Emulator): express.RequestHandler {
  const journal = journalMiddleware(emulator.journal, emulator.clock, emulator.ids);
  return (req, res, next) => {
    // Express matches paths case-insensitively, so /OAUTH/V1/GENERATE reaches OAuth and must be journaled too.
    const path = req.path.toLowerCase().replace(/\/+$/, '');
    if (
      path.startsWith(CONTROL_PREFIX) ||
      (req.method === 'GET' && path !== '/oauth/v1/generate' && !path.startsWith('/mpesa'))
    ) {
      const locals = res.locals as { explanation?: string[]; requestId?: string };
      locals.explanation = [];
      // Not Daraja traffic, but a fault rule or a Daraja error can still answer it: give it a requestId,
      // made only when asked for so that seeded ids do not depend on how many UI files were loaded.
      let requestId: string | undefined;
      Object.defineProperty(locals, 'requestId', {
        get: () => (requestId ??= emulator.ids.requestId()),
        set: (value: string) => (requestId = value),
        configurable: true,
        enumerable: true,
      });
      return next();
    }
    journal(req, res, next);
  };
}
