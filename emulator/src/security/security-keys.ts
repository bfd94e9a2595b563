import { createPrivateKey, generateKeyPairSync, X509Certificate, type KeyObject } from 'node:crypto';
import { selfSignedCertificate } from './self-signed-certificate.js';

/** The emulator's SecurityCredential key pair: an RSA private key and the certificate clients encrypt with. */
export interface SecurityKeys {
  certificatePem: string;
  privateKeyPem: string;
}

/** Keys ready to use: parsed once. */
export interface LoadedKeys extends SecurityKeys {
  privateKey: KeyObject;
  certificate: X509Certificate;
  /** Ciphertext size in bytes (256 for RSA-2048). */
  modulusBytes: number;
}

export class SecurityKeyError extends Error {
  override readonly name = 'SecurityKeyError';
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/** A fresh RSA-2048 key and a self-signed certificate valid from a day before `now` for 30 years. */
export function generateSecurityKeys(now: number): SecurityKeys {
  return keysFor(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, now);
}

function keysFor(privateKey: KeyObject, now: number): SecurityKeys {
  const certificatePem = selfSignedCertificate({
    privateKey,
    commonName: 'apicrypt.daraja-emulator.local',
    organization: 'Daraja Emulator',
    notBefore: now - 24 * 3600 * 1000,
    notAfter: now + 30 * YEAR_MS,
  });
  return { certificatePem, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

let processKeys: SecurityKeys | undefined;

/**
 * One generated pair per process for emulators without a data file: RSA generation is the slow part and
 * such keys are thrown away with the process anyway.
 */
export function processSecurityKeys(now: number): SecurityKeys {
  processKeys ??= generateSecurityKeys(now);
  return processKeys;
}

/** Parses and checks a pair: an RSA private key whose public half is the certificate's key. */
export function loadKeys(keys: SecurityKeys): LoadedKeys {
  let certificate: X509Certificate;
  let privateKey: KeyObject;
  try {
    certificate = new X509Certificate(keys.certificatePem);
  } catch (error) {
    throw new SecurityKeyError(
      `The security certificate is not a PEM X.509 certificate (${(error as Error).message}).`,
    );
  }
  try {
    privateKey = createPrivateKey(keys.privateKeyPem);
  } catch (error) {
    throw new SecurityKeyError(
      `The security private key is not a PEM private key (${(error as Error).message}).`,
    );
  }
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new SecurityKeyError(
      `The security private key is ${privateKey.asymmetricKeyType ?? 'unknown'}, not RSA.`,
    );
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new SecurityKeyError('The security private key does not belong to the security certificate.');
  }
  const bits = privateKey.asymmetricKeyDetails?.modulusLength ?? 2048;
  return { ...keys, certificate, privateKey, modulusBytes: Math.ceil(bits / 8) };
}
