import { X509Certificate, constants, publicEncrypt } from 'node:crypto';
import { DarajaValidationError } from '../errors/daraja-validation-error.js';

/**
 * Builds `SecurityCredential` = base64(RSA PKCS#1 v1.5 encrypt(certificate public key, initiator password)).
 * The padding is random, so each call returns a different string; any of them is valid and reusable.
 */
export function buildSecurityCredential(certificatePem: string, initiatorPassword: string): string {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch (error) {
    throw new DarajaValidationError(
      'certificate',
      `is not a readable X.509 certificate in PEM form (${String(error)})`,
    );
  }
  const encrypted = publicEncrypt(
    { key: certificate.publicKey, padding: constants.RSA_PKCS1_PADDING },
    Buffer.from(initiatorPassword, 'utf8'),
  );
  return encrypted.toString('base64');
}
