/**
 * Thrown before anything is sent when an input (or the client configuration) is invalid.
 * Not a DarajaError: Daraja never saw the request.
 */
export class DarajaValidationError extends Error {
  /** The input field at fault, as the caller named it (e.g. `phoneNumber`, `callbackUrl`). */
  readonly field: string;

  /** Creates the error; the message should say what a valid value looks like. */
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'DarajaValidationError';
    this.field = field;
  }
}
