import { constants, publicEncrypt } from 'node:crypto';
import type { Emulator } from '../emulator.js';

/**
 * A SecurityCredential as Daraja's portal tool makes one: the initiator password encrypted with the
 * emulator's certificate. It passes both the lenient and the strict credential check.
 */
export function initiatorCredential(emulator: Emulator, password: string): string {
  const certificate = emulator.security.certificatePem();
  return publicEncrypt(
    { key: certificate, padding: constants.RSA_PKCS1_PADDING },
    Buffer.from(password),
  ).toString('base64');
}
