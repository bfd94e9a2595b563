export const UNREACHABLE = 'unreachable';
export const UNREACHABLE_MESSAGE =
  'Could not reach the emulator: it is stopped or restarting. Nothing was changed; try again once the header says Live.';

/** A control API call that answered 4xx/5xx, or never answered. */
export class ControlError extends Error {
  override readonly name = 'ControlError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  /** True when the emulator did not answer at all (stopped or restarting). */
  get unreachable(): boolean {
    return this.code === UNREACHABLE;
  }

  /** True when the route does not exist on this emulator (an older or narrower build). */
  get notFound(): boolean {
    return this.status === 404;
  }
}

/** Turns a failed response into a ControlError, reading `{ error: { code, message } }` when the body has it. */
export async function controlErrorFrom(response: Response): Promise<ControlError> {
  const text = await response.text().catch(() => '');
  try {
    const body: unknown = JSON.parse(text);
    if (isErrorBody(body)) return new ControlError(response.status, body.error.code, body.error.message);
  } catch {
    // Not JSON: fall through to a message built from the status line.
  }
  return new ControlError(response.status, `http-${response.status}`, text || `HTTP ${response.status}`);
}

function isErrorBody(body: unknown): body is { error: { code: string; message: string } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = body.error;
  return (
    typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
  );
}

/** The message to show for anything a call threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** True when `error` says the emulator could not be reached (as opposed to a refusal it answered with). */
export function isUnreachable(error: unknown): boolean {
  return error instanceof ControlError && error.unreachable;
}
