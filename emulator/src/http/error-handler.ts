import type { ErrorRequestHandler } from 'express';
import { DarajaErrors } from 'daraja-client/wire';
import { DarajaError } from './daraja-error.js';
import { sendDarajaError } from './send-error.js';
import { CONTROL_PREFIX } from 'daraja-client/emulator';
import { ControlError, sendControlError } from '../control/control-error.js';

type BodyParserError = Error & { type?: string; status?: number };

/** The one place where anything thrown becomes an answer: never an HTML page, never a stack trace. */
export function errorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (res.headersSent) return;
    if (req.path.startsWith(CONTROL_PREFIX)) {
      if (err instanceof ControlError) return sendControlError(res, err);
      const e = err as BodyParserError;
      if (e?.type === 'entity.too.large')
        return sendControlError(res, new ControlError(413, 'too_large', e.message));
      if (e?.type === 'entity.parse.failed')
        return sendControlError(res, new ControlError(400, 'invalid_json', 'The body is not valid JSON.'));
      log(`control API error on ${req.method} ${req.path}: ${(err as Error)?.message ?? String(err)}`);
      return sendControlError(
        res,
        new ControlError(500, 'internal', 'The emulator failed to handle this request.'),
      );
    }
    if (err instanceof DarajaError) return sendDarajaError(res, err);
    const e = err as BodyParserError;
    if (e?.type === 'entity.too.large') {
      return sendDarajaError(
        res,
        new DarajaError(
          DarajaErrors.invalidPayload,
          `The body is larger than the emulator accepts (${e.message}).`,
        ),
      );
    }
    log(`internal error on ${req.method} ${req.path}: ${(err as Error)?.message ?? String(err)}`);
    sendDarajaError(
      res,
      new DarajaError(DarajaErrors.internalServerError, 'The emulator failed while handling this request.'),
    );
  };
}
