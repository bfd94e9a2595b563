import type { DarajaErrorTemplate } from 'daraja-client/wire';

/**
 * A synchronous rejection in Daraja's terms. Thrown by services and routes; serialised into Daraja's
 * envelope in exactly one place (the error handler). `explanation` says in plain English what was wrong.
 */
export class DarajaError extends Error {
  override readonly name = 'DarajaError';
  readonly code: string;
  readonly explanation: string[];
  /** Send this instead of the envelope (Daraja answers some failures with an empty body). */
  readonly emptyBody: boolean;
  readonly status: number | undefined;
  /**
   * Send this body instead of the envelope: the few APIs that answer refusals in their own shape (Ratiba,
   * Bill Manager). Given the request's id.
   */
  readonly body: ((requestId: string) => unknown) | undefined;

  constructor(
    template: DarajaErrorTemplate,
    explanation: string | string[],
    options: { emptyBody?: boolean; status?: number; body?: (requestId: string) => unknown } = {},
  ) {
    super(template.message);
    this.code = template.code;
    this.explanation = Array.isArray(explanation) ? explanation : [explanation];
    this.emptyBody = options.emptyBody ?? false;
    this.status = options.status;
    this.body = options.body;
  }
}
