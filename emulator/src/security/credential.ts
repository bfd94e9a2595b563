import { constants, privateDecrypt, type KeyObject } from 'node:crypto';

/** Base64 of exactly `bytes` bytes: the only shape an RSA ciphertext of that key size can have. */
export function credentialShape(value: string, bytes = 256): { ok: true } | { ok: false; reason: string } {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) {
    return { ok: false, reason: `it is not standard base64 (${value.length} characters)` };
  }
  const decoded = Buffer.from(value, 'base64').length;
  if (decoded !== bytes) {
    return {
      ok: false,
      reason: `it decodes to ${decoded} bytes, not the ${bytes} bytes of an RSA-${bytes * 8} ciphertext (${Math.ceil(bytes / 3) * 4} base64 characters)`,
    };
  }
  return { ok: true };
}

/**
 * Decrypts an RSAES-PKCS1-v1_5 SecurityCredential. Node refuses PKCS#1 v1.5 private decryption since the
 * Marvin-attack fix, so the raw RSA operation is done and the padding (00 02 <8+ non-zero bytes> 00 message)
 * removed here; timing side channels do not matter for an emulator's own test key.
 */
export function decryptCredential(value: string, privateKey: KeyObject): string | undefined {
  let raw: Buffer;
  try {
    raw = privateDecrypt(
      { key: privateKey, padding: constants.RSA_NO_PADDING },
      Buffer.from(value, 'base64'),
    );
  } catch {
    return undefined;
  }
  if (raw[0] !== 0x00 || raw[1] !== 0x02) return undefined;
  const separator = raw.indexOf(0x00, 2);
  if (separator < 10) return undefined;
  return raw.subarray(separator + 1).toString('utf8');
}
