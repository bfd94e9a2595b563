import type { RequestHandler } from 'express';
import { DarajaErrors, DarajaPaths } from 'daraja-client/wire';
import { CONTROL_PREFIX, type Settings } from 'daraja-client/emulator';
import { DarajaError } from './daraja-error.js';
import { ControlError } from '../control/control-error.js';
import { context } from './request-context.js';

const KNOWN = new Map<string, string>(
  Object.values(DarajaPaths).map((p) => [p, p === DarajaPaths.oauth ? 'GET' : 'POST']),
);

/** Unknown paths and wrong methods, answered as Daraja does (or with the control API's error). */
export function fallback(settings: () => Settings): RequestHandler {
  return (req, res, next) => {
    if (req.path.toLowerCase().startsWith(CONTROL_PREFIX)) {
      return next(new ControlError(404, 'not_found', `No control endpoint ${req.method} ${req.path}.`));
    }
    const expected = KNOWN.get(req.path.replace(/\/+$/, ''));
    if (expected && expected !== req.method) {
      context(res).api = req.path;
      return next(
        new DarajaError(
          DarajaErrors.methodNotAllowed(req.method),
          `${req.path} takes ${expected}, not ${req.method}.`,
        ),
      );
    }
    const envelope = settings().http.unknownPath === 'envelope';
    next(
      new DarajaError(
        DarajaErrors.resourceNotFound,
        expected
          ? `${req.path} is a Daraja path this emulator does not serve yet.`
          : `No Daraja API at ${req.method} ${req.path}; check the path against Daraja's (e.g. ${DarajaPaths.stkPush}).`,
        { emptyBody: !envelope, status: 404 },
      ),
    );
  };
}
