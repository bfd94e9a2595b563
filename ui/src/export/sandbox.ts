/** Safaricom's public sandbox Lipa na M-Pesa Online shortcode and passkey, which the emulator seeds. */
export const SANDBOX_SHORTCODE = '174379';
export const SANDBOX_PASSKEY = 'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919';
export const SANDBOX_MSISDN = '254708374149';

/** `yyyyMMddHHmmss` in East Africa Time (UTC+3, no daylight saving), as Daraja wants the Timestamp. */
export function eatTimestamp(ms: number): string {
  return new Date(ms + 3 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** The STK Password: base64(shortcode + passkey + Timestamp). */
export function stkPassword(shortcode: string, passkey: string, timestamp: string): string {
  return btoa(shortcode + passkey + timestamp);
}
