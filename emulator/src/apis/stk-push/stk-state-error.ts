/** A control action on a prompt that does not exist or is no longer open. */
export class StkStateError extends Error {
  override readonly name = 'StkStateError';
  constructor(
    readonly code: 'not_found' | 'not_pending' | 'exists',
    message: string,
  ) {
    super(message);
  }
}
