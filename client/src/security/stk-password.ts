import { formatEatTimestamp } from '../time/eat-time.js';

/** The `Password` and `Timestamp` pair an STK push or query must carry. */
export interface StkCredentials {
  Password: string;
  Timestamp: string;
}

/**
 * Builds `Password` = base64(shortcode + passkey + timestamp) and the EAT `Timestamp` from ONE clock
 * reading. Reading the clock twice can straddle a second boundary and yield `Wrong credentials`.
 */
export function stkPassword(shortcode: string, passkey: string, now: () => number): StkCredentials {
  const timestamp = formatEatTimestamp(now());
  return {
    Password: Buffer.from(`${shortcode}${passkey}${timestamp}`).toString('base64'),
    Timestamp: timestamp,
  };
}
