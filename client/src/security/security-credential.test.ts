import { constants, privateDecrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DarajaValidationError } from '../errors/daraja-validation-error.js';
import { testCertificate, testPrivateKey } from '../test-support/test-client.js';
import { buildSecurityCredential } from './security-credential.js';

describe('buildSecurityCredential', () => {
  it('encrypts the password with the certificate key using PKCS#1 v1.5 padding', () => {
    const credential = buildSecurityCredential(testCertificate, 'Safaricom999!*!');
    // Node 20 refuses PKCS#1 v1.5 private decryption (CVE-2023-46809), so undo the RSA step raw and
    // check the v1.5 encryption block by hand: 0x00 0x02, non-zero padding, 0x00, message.
    const block = privateDecrypt(
      { key: testPrivateKey, padding: constants.RSA_NO_PADDING },
      Buffer.from(credential, 'base64'),
    );
    expect([block[0], block[1]]).toEqual([0x00, 0x02]);
    const separator = block.indexOf(0x00, 2);
    expect(separator).toBeGreaterThanOrEqual(10);
    expect(block.subarray(separator + 1).toString('utf8')).toBe('Safaricom999!*!');
  });

  it('produces the 344-character base64 string a 2048-bit key gives', () => {
    const credential = buildSecurityCredential(testCertificate, 'pw');
    expect(credential).toHaveLength(344);
    expect(credential.endsWith('==')).toBe(true);
  });

  it('differs on every call because the padding is random', () => {
    expect(buildSecurityCredential(testCertificate, 'pw')).not.toBe(
      buildSecurityCredential(testCertificate, 'pw'),
    );
  });

  it('refuses a certificate that is not PEM, naming the certificate field', () => {
    expect(() => buildSecurityCredential('not a certificate', 'pw')).toThrow(DarajaValidationError);
    expect(() => buildSecurityCredential('not a certificate', 'pw')).toThrow(/certificate/);
  });
});
