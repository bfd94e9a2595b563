import type { ErrorRequestHandler } from 'express';
import { DarajaErrors } from 'daraja-client/wire';
import { DarajaError } from './daraja-error.js';
import { sendDarajaError } from './send-error.js';
import { CONTROL_PREFIX } from 'daraja-client/emulator';
import { ControlError, sendControlError } from '../control/control-error.js';

type BodyParserError = Error & { type?: string; status?: number; expose?: boolean };

/**
 * A request Express or the body reader refused (bad charset, encoding or compression, aborted upload, a
 * path parameter that is not valid percent-encoding): the client's fault, with a 4xx status.
 */
function isClientBodyError(e: BodyParserError | undefined): e is BodyParserError & { status: number } {
  const status: unknown = e?.status;
  return (
    (typeof e?.type === 'string' || e?.expose === true || e instanceof URIError) &&
    typeof status === 'number' &&
    status >= 400 &&
    status < 500
  );
}

/** The one place where anything thrown becomes an answer: never an HTML page, never a stack trace. */
export function errorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (res.headersSent) return;
    if (req.path.toLowerCase().startsWith(CONTROL_PREFIX)) {
      if (err instanceof ControlError) return sendControlError(res, err);
      const e = err as BodyParserError;
      if (e?.type === 'entity.too.large')
        return sendControlError(res, new ControlError(413, 'too_large', e.message));
      if (e?.type === 'entity.parse.failed')
        return sendControlError(res, new ControlError(400, 'invalid_json', 'The body is not valid JSON.'));
      if (isClientBodyError(e))
        return sendControlError(res, new ControlError(e.status, 'invalid_body', e.message));
      log(
        `control API error on ${req.method} ${req.path.slice(0, 200)}: ${(err as Error)?.message ?? String(err)}`,
      );
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
    if (isClientBodyError(e)) {
      return sendDarajaError(
        res,
        new DarajaError(DarajaErrors.invalidPayload, `The body could not be read: ${e.message}.`),
      );
    }
    log(
      `internal error on ${req.method} ${req.path.slice(0, 200)}: ${(err as Error)?.message ?? String(err)}`,
    );
    sendDarajaError(
      res,
      new DarajaError(DarajaErrors.internalServerError, 'The emulator failed while handling this request.'),
    );
  };
}
