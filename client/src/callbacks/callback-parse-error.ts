/** Thrown when a callback body is not the shape Daraja sends; `path` points at the offending part. */
export class CallbackParseError extends Error {
  /** Where in the body the problem is, e.g. `Body.stkCallback.ResultCode`. */
  readonly path: string;

  /** Creates the error with a message that names the path. */
  constructor(path: string, problem: string) {
    super(`Invalid Daraja callback: ${path} ${problem}`);
    this.name = 'CallbackParseError';
    this.path = path;
  }
}
