import { X509Certificate, constants, publicEncrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { credentialShape, decryptCredential } from './credential.js';
import { generateSecurityKeys, loadKeys } from './security-keys.js';

const now = Date.UTC(2026, 0, 1, 9);
const keys = loadKeys(generateSecurityKeys(now));

describe('the generated certificate', () => {
  it('is a self-signed X.509 v3 certificate valid for thirty years from yesterday', () => {
    const certificate = new X509Certificate(keys.certificatePem);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.issuer).toBe(certificate.subject);
    expect(new Date(certificate.validFrom).getTime()).toBe(now - 24 * 3600 * 1000);
    expect(new Date(certificate.validTo).getUTCFullYear()).toBe(2056);
    expect(keys.modulusBytes).toBe(256);
  });
});

describe('decryptCredential', () => {
  it('recovers a password encrypted with PKCS#1 v1.5, including non-ASCII characters', () => {
    for (const password of ['Safaricom999!*!', 'pässwörd#&%$', 'x']) {
      const credential = publicEncrypt(
        { key: keys.certificate.publicKey, padding: constants.RSA_PKCS1_PADDING },
        Buffer.from(password),
      ).toString('base64');
      expect(decryptCredential(credential, keys.privateKey)).toBe(password);
    }
  });

  it('returns undefined for OAEP ciphertexts and random bytes', () => {
    const oaep = publicEncrypt(keys.certificate.publicKey, Buffer.from('Safaricom999!*!')).toString('base64');
    expect(decryptCredential(oaep, keys.privateKey)).toBeUndefined();
    expect(decryptCredential(Buffer.alloc(256, 0x7f).toString('base64'), keys.privateKey)).toBeUndefined();
  });
});

describe('credentialShape', () => {
  it.each([
    ['344 base64 characters of 256 bytes', Buffer.alloc(256, 1).toString('base64'), true],
    ['255 bytes', Buffer.alloc(255, 1).toString('base64'), false],
    ['a password in clear', 'Safaricom999!*!', false],
    ['URL-safe base64', Buffer.alloc(256, 0xfb).toString('base64url'), false],
  ])('%s: %s', (_name, value, ok) => {
    expect(credentialShape(value).ok).toBe(ok);
  });
});
