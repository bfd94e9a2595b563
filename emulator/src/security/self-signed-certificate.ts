import { createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { forgeLib } from './forge.js';
import { signCertificate } from './sign-certificate.js';

export interface CertificateInput {
  privateKey: KeyObject;
  commonName: string;
  organization: string;
  notBefore: number;
  notAfter: number;
  /** Positive serial number bytes; random when omitted. */
  serial?: Buffer;
}

/**
 * A self-signed X.509 v3 certificate (RSA, SHA-256) in PEM form, for the emulator's SecurityCredential key.
 * Key usage allows key encipherment, which is what clients use it for.
 */
export function selfSignedCertificate(input: CertificateInput): string {
  const forge = forgeLib();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(
    createPublicKey(input.privateKey).export({ type: 'spki', format: 'pem' }).toString(),
  );
  // A positive serial: the top bit clear.
  const serial = Buffer.from(input.serial ?? randomBytes(16));
  serial[0] = (serial[0] ?? 0) & 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(input.notBefore);
  cert.validity.notAfter = new Date(input.notAfter);
  const subject = [
    { name: 'organizationName', value: input.organization },
    { name: 'commonName', value: input.commonName },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    {
      name: 'keyUsage',
      digitalSignature: true,
      keyEncipherment: true,
      dataEncipherment: true,
      critical: true,
    },
  ]);
  signCertificate(cert, input.privateKey);
  return forge.pki.certificateToPem(cert);
}
