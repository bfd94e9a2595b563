import { sign, type KeyObject } from 'node:crypto';
import { forgeLib, type Forge } from './forge.js';

/**
 * Signs a certificate built with node-forge with SHA-256 and RSA (sha256WithRSAEncryption), using Node's
 * native signer: forge's own JavaScript RSA takes about a second per signature on a loaded machine, which
 * the start of TLS mode paid twice.
 */
export function signCertificate(cert: Forge.pki.Certificate, privateKey: string | KeyObject): void {
  const forge = forgeLib();
  const oid = forge.pki.oids['sha256WithRSAEncryption'] as string;
  cert.signatureOid = oid;
  cert.siginfo.algorithmOid = oid;
  // forge has getTBSCertificate (its own sign() uses it) but its type declarations leave it out.
  const pki = forge.pki as typeof forge.pki & {
    getTBSCertificate(cert: Forge.pki.Certificate): Forge.asn1.Asn1;
  };
  const tbs = pki.getTBSCertificate(cert);
  cert.tbsCertificate = tbs;
  const bytes = Buffer.from(forge.asn1.toDer(tbs).getBytes(), 'binary');
  cert.signature = sign('sha256', bytes, privateKey).toString('binary');
}
