import type { Response } from 'express';
import type { ControlErrorBody } from 'daraja-client/emulator';

/** A control-API failure, answered as `{ error: { code, message } }`. */
export class ControlError extends Error {
  override readonly name = 'ControlError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sendControlError(res: Response, error: ControlError): void {
  const body: ControlErrorBody = { error: { code: error.code, message: error.message } };
  res.status(error.status).json(body);
}
