import type { DeliveryKind } from 'daraja-client/emulator';

/** Which settled delivery `nextCallback` waits for; every given field must match. */
export interface CallbackFilter {
  /** The exact callback URL, or a RegExp tested against it. */
  url?: string | RegExp;
  kind?: DeliveryKind;
  transactionId?: string;
  /** Real milliseconds to wait before failing (default 5000). */
  timeoutMs?: number;
}
