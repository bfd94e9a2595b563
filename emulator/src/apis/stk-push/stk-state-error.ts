import { StkResult } from 'daraja-client/wire';
import type { TransactionView } from 'daraja-client/emulator';

/** A control action on a prompt that does not exist or is no longer open. */
export class StkStateError extends Error {
  override readonly name = 'StkStateError';
  constructor(
    readonly code: 'not_found' | 'not_pending' | 'exists' | 'phone_unreachable',
    message: string,
  ) {
    super(message);
  }
}

/**
 * A person can answer only a prompt that reached the phone, on a phone that is on the network: the control
 * API refuses the rest rather than record a payment or a refusal no customer could have made.
 */
export function answerable(t: TransactionView, offline: boolean): TransactionView {
  const phone = t.phone ?? 'The phone';
  if (t.unreachable) {
    throw new StkStateError(
      'phone_unreachable',
      `The prompt ${t.id} never reached ${phone} (it was offline when the push came), so it cannot be answered; it ends with ${StkResult.unreachable.code} "${StkResult.unreachable.desc}" at its timeout.`,
    );
  }
  if (offline) {
    throw new StkStateError(
      'phone_unreachable',
      `${phone} is offline, so the prompt ${t.id} cannot be answered until the phone is back on the network.`,
    );
  }
  return t;
}
