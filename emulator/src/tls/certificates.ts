import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { forgeLib, type Forge } from '../security/forge.js';
import { signCertificate } from '../security/sign-certificate.js';

/** The local certificate authority and the server certificate it signed, as PEM text and file paths. */
export interface TlsMaterial {
  dir: string;
  caPath: string;
  certPath: string;
  keyPath: string;
  ca: string;
  cert: string;
  key: string;
  /** True when the files were made now rather than reused. */
  created: boolean;
}

const CA_YEARS = 10;
const LEAF_DAYS = 825;
/** Renew the server certificate this long before it expires. */
const RENEW_MS = 30 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Makes (or reuses) a local CA and a server certificate for `names` in `dir`. The CA is kept across runs
 * so that a trust setting made once (NODE_EXTRA_CA_CERTS, a system store) keeps working; the server
 * certificate is made again when it is missing a name, expiring, or was not signed by that CA. The CA's
 * private key never leaves `dir` (mode 0600); it is a test CA and trusts nothing but this emulator.
 */
export function ensureCertificates(dir: string, names: readonly string[]): TlsMaterial {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = (name: string) => path.join(dir, name);
  const paths = {
    caPath: file('ca.pem'),
    caKeyPath: file('ca-key.pem'),
    certPath: file('cert.pem'),
    keyPath: file('key.pem'),
  };
  let created = false;
  if (
    !existsSync(paths.caPath) ||
    !existsSync(paths.caKeyPath) ||
    expiresSoon(readFileSync(paths.caPath, 'utf8'))
  ) {
    const ca = makeCa();
    writeFileSync(paths.caPath, ca.cert);
    writeFileSync(paths.caKeyPath, ca.key, { mode: 0o600 });
    created = true;
  }
  const caPem = readFileSync(paths.caPath, 'utf8');
  if (
    created ||
    !existsSync(paths.certPath) ||
    !existsSync(paths.keyPath) ||
    !leafFits(readFileSync(paths.certPath, 'utf8'), caPem, names)
  ) {
    const leaf = makeLeaf(caPem, readFileSync(paths.caKeyPath, 'utf8'), names);
    writeFileSync(paths.certPath, leaf.cert);
    writeFileSync(paths.keyPath, leaf.key, { mode: 0o600 });
    created = true;
  }
  return {
    dir,
    caPath: paths.caPath,
    certPath: paths.certPath,
    keyPath: paths.keyPath,
    ca: caPem,
    cert: readFileSync(paths.certPath, 'utf8'),
    key: readFileSync(paths.keyPath, 'utf8'),
    created,
  };
}

function rsaKeys(): {
  publicKey: Forge.pki.rsa.PublicKey;
  pem: string;
} {
  // Node's native generator: forge's pure-JS one takes seconds for a 2048-bit key.
  const pair = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return {
    publicKey: forgeLib().pki.publicKeyFromPem(pair.publicKey),
    pem: pair.privateKey,
  };
}

function baseCertificate(publicKey: Forge.pki.rsa.PublicKey, days: number): Forge.pki.Certificate {
  const cert = forgeLib().pki.createCertificate();
  cert.publicKey = publicKey;
  // A positive serial: the top bit clear.
  cert.serialNumber = '01' + randomBytes(15).toString('hex');
  const now = new Date();
  cert.validity.notBefore = new Date(now.getTime() - DAY_MS);
  cert.validity.notAfter = new Date(now.getTime() + days * DAY_MS);
  return cert;
}

function makeCa(): { cert: string; key: string } {
  const keys = rsaKeys();
  const cert = baseCertificate(keys.publicKey, CA_YEARS * 365);
  const subject = [
    { name: 'commonName', value: 'daraja-emulator local CA' },
    { name: 'organizationName', value: 'daraja-emulator (testing only)' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  signCertificate(cert, keys.pem);
  return { cert: forgeLib().pki.certificateToPem(cert), key: keys.pem };
}

function makeLeaf(caPem: string, caKeyPem: string, names: readonly string[]): { cert: string; key: string } {
  const ca = forgeLib().pki.certificateFromPem(caPem);
  const keys = rsaKeys();
  const cert = baseCertificate(keys.publicKey, LEAF_DAYS);
  cert.setSubject([{ name: 'commonName', value: names[0] ?? 'localhost' }]);
  cert.setIssuer(ca.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: names.map((n) => (isIP(n) ? { type: 7, ip: n } : { type: 2, value: n })),
    },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  signCertificate(cert, caKeyPem);
  return { cert: forgeLib().pki.certificateToPem(cert), key: keys.pem };
}

function expiresSoon(pem: string): boolean {
  try {
    return new Date(new X509Certificate(pem).validTo).getTime() - new Date().getTime() < RENEW_MS;
  } catch {
    return true;
  }
}

/** The existing server certificate still serves: signed by this CA, not expiring, covering every name. */
function leafFits(pem: string, caPem: string, names: readonly string[]): boolean {
  try {
    const leaf = new X509Certificate(pem);
    if (!leaf.verify(new X509Certificate(caPem).publicKey) || expiresSoon(pem)) return false;
    const sans = (leaf.subjectAltName ?? '').split(', ');
    return names.every((n) =>
      sans.includes(isIP(n) ? `IP Address:${n === '::1' ? '0:0:0:0:0:0:0:1' : n}` : `DNS:${n}`),
    );
  } catch {
    return false;
  }
}
