import { DarajaErrors } from 'daraja-client/wire';
import { DarajaError } from './daraja-error.js';
import { StoreWriteError } from '../store/store.js';

/** An error with the shape body-parser and Express give the client's faults. */
export type ClientError = Error & { type?: string; status?: number; expose?: boolean };

/**
 * A request Express or the body reader refused (bad charset, encoding or compression, aborted upload, a
 * path parameter that is not valid percent-encoding): the client's fault, with a 4xx status.
 */
export function isClientError(e: ClientError | undefined): e is ClientError & { status: number } {
  const status: unknown = e?.status;
  return (
    (typeof e?.type === 'string' || e?.expose === true || e instanceof URIError) &&
    typeof status === 'number' &&
    status >= 400 &&
    status < 500
  );
}

/**
 * What anything thrown while serving a Daraja request is answered with: its own DarajaError, Daraja's
 * payload error for a body that could not be read, else an internal error (logged, never shown).
 */
export function darajaFailure(error: unknown, where: string, log: (line: string) => void): DarajaError {
  if (error instanceof DarajaError) return error;
  const e = error as ClientError | undefined;
  if (e?.type === 'entity.too.large') {
    return new DarajaError(
      DarajaErrors.invalidPayload,
      `The body is larger than the emulator accepts (${e.message}).`,
    );
  }
  if (isClientError(e)) {
    return new DarajaError(DarajaErrors.invalidPayload, `The body could not be read: ${e.message}.`);
  }
  if (error instanceof StoreWriteError) {
    return new DarajaError(
      DarajaErrors.systemBusy,
      `The emulator could not save this request (${error.message}), so it was not acknowledged: send it again once /_emulator/health is ok.`,
    );
  }
  log(`internal error on ${where.slice(0, 200)}: ${(error as Error)?.message ?? String(error)}`);
  return new DarajaError(
    DarajaErrors.internalServerError,
    'The emulator failed while handling this request.',
  );
}
