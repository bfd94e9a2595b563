import { createPublicKey, randomBytes, sign, type KeyObject } from 'node:crypto';
import {
  bitString,
  boolean,
  explicit,
  integer,
  nullValue,
  objectId,
  octetString,
  sequence,
  set,
  smallInteger,
  time,
  utf8String,
} from './der.js';

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const COMMON_NAME = '2.5.4.3';
const ORGANIZATION = '2.5.4.10';
const BASIC_CONSTRAINTS = '2.5.29.19';
const KEY_USAGE = '2.5.29.15';

export interface CertificateInput {
  privateKey: KeyObject;
  commonName: string;
  organization: string;
  notBefore: number;
  notAfter: number;
  /** Positive serial number bytes; random when omitted. */
  serial?: Buffer;
}

function name(commonName: string, organization: string): Buffer {
  return sequence(
    set(sequence(objectId(ORGANIZATION), utf8String(organization))),
    set(sequence(objectId(COMMON_NAME), utf8String(commonName))),
  );
}

/**
 * A self-signed X.509 v3 certificate (RSA, SHA-256) in PEM form, for the emulator's SecurityCredential key.
 * Key usage allows key encipherment, which is what clients use it for.
 */
export function selfSignedCertificate(input: CertificateInput): string {
  const algorithm = sequence(objectId(SHA256_WITH_RSA), nullValue());
  const subject = name(input.commonName, input.organization);
  const spki = createPublicKey(input.privateKey).export({ type: 'spki', format: 'der' });
  const serial = input.serial ?? randomBytes(16);
  // keyUsage bits: digitalSignature (0), keyEncipherment (2), dataEncipherment (3).
  const keyUsage = sequence(
    objectId(KEY_USAGE),
    boolean(true),
    octetString(bitStringWithUnused(0b10110000, 4)),
  );
  const basicConstraints = sequence(objectId(BASIC_CONSTRAINTS), boolean(true), octetString(sequence()));
  const tbs = sequence(
    explicit(0, smallInteger(2)),
    integer(serial),
    algorithm,
    subject,
    sequence(time(input.notBefore), time(input.notAfter)),
    subject,
    spki,
    explicit(3, sequence(basicConstraints, keyUsage)),
  );
  const signature = sign('sha256', tbs, input.privateKey);
  const der = sequence(tbs, algorithm, bitString(signature));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** A one-byte BIT STRING whose last `unused` bits are padding. */
function bitStringWithUnused(byte: number, unused: number): Buffer {
  return Buffer.from([0x03, 0x02, unused, byte]);
}
