/** A control API call that answered 4xx/5xx, or never answered. */
export class ControlError extends Error {
  override readonly name = 'ControlError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
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
