import { B2CResult, DarajaErrors, type ResultCodeEntry } from 'daraja-client/wire';
import type { Settings } from 'daraja-client/emulator';
import type { Ledger } from '../../ledger/ledger.js';
import type { InitiatorRecord, OrgRecord } from '../../ledger/records.js';
import type { SecurityService } from '../../security/security-service.js';
import { credentialShape } from '../../security/credential.js';
import { SecurityKeyError } from '../../security/security-keys.js';
import { DarajaError } from '../../http/daraja-error.js';

export interface CredentialCheckInput {
  org: OrgRecord | undefined;
  shortcode: string;
  initiatorName: string;
  credential: string;
}

/**
 * The API operator check every initiator request goes through before its business logic: the initiator
 * exists on the shortcode and is not locked, and the SecurityCredential is well formed and (strict mode)
 * decrypts to the initiator's password. Returns the failing result, or undefined when the check passes.
 * Strict-mode failures count towards the lock; a success resets the count.
 */
export function checkCredential(
  input: CredentialCheckInput,
  ledger: Ledger,
  security: SecurityService,
  settings: Settings['security'],
  notes: string[],
): ResultCodeEntry | undefined {
  const { org, shortcode, initiatorName, credential } = input;
  if (!org) {
    notes.push(
      `Shortcode ${shortcode} is not an organisation in this emulator, so initiator "${initiatorName}" cannot act for it.`,
    );
    return B2CResult.initiatorInvalid;
  }
  const initiator = org.initiators.find((i) => i.name === initiatorName);
  if (!initiator) {
    const known = org.initiators.map((i) => `"${i.name}"`).join(', ') || 'none';
    notes.push(`Shortcode ${shortcode} has no initiator "${initiatorName}" (configured: ${known}).`);
    return B2CResult.initiatorInvalid;
  }
  if (initiator.locked) {
    notes.push(
      `Initiator "${initiatorName}" of ${shortcode} is locked after ${initiator.failures} wrong credentials; unlock it through the control API.`,
    );
    return B2CResult.credentialLocked;
  }
  const strict = settings.credentialCheck === 'strict';
  const bytes = strict ? keys(security).modulusBytes : 256;
  const shape = credentialShape(credential, bytes);
  if (!shape.ok) {
    notes.push(`The SecurityCredential is not an RSA ciphertext: ${shape.reason}.`);
    return strict ? fail(ledger, org, initiator, settings, notes) : B2CResult.initiatorInvalid;
  }
  if (!strict) {
    notes.push(
      'The SecurityCredential was not decrypted (security.credentialCheck is "lenient"): any well-formed credential is accepted.',
    );
    return undefined;
  }
  const password = decrypt(security, credential);
  if (password === undefined) {
    notes.push(
      "The SecurityCredential does not decrypt with the emulator's private key: encrypt the password with the certificate from GET /_emulator/security/certificate (RSA PKCS#1 v1.5).",
    );
    return fail(ledger, org, initiator, settings, notes);
  }
  if (password !== initiator.password) {
    notes.push(
      `The SecurityCredential decrypts to a password that is not initiator "${initiatorName}"'s password.`,
    );
    return fail(ledger, org, initiator, settings, notes);
  }
  if (initiator.failures > 0) update(ledger, org, { ...initiator, failures: 0 });
  notes.push("The SecurityCredential decrypted to the initiator's password (strict check).");
  return undefined;
}

function fail(
  ledger: Ledger,
  org: OrgRecord,
  initiator: InitiatorRecord,
  settings: Settings['security'],
  notes: string[],
): ResultCodeEntry {
  const failures = initiator.failures + 1;
  const locked = settings.lockAfterFailures > 0 && failures >= settings.lockAfterFailures;
  update(ledger, org, { ...initiator, failures, locked });
  notes.push(
    locked
      ? `That was wrong credential number ${failures}: initiator "${initiator.name}" is now locked (result 8006 from now on).`
      : `Wrong credential number ${failures}${settings.lockAfterFailures > 0 ? ` of ${settings.lockAfterFailures} before the initiator locks` : ''}.`,
  );
  return B2CResult.initiatorInvalid;
}

function update(ledger: Ledger, org: OrgRecord, initiator: InitiatorRecord): void {
  const current = ledger.org(org.shortcode) ?? org;
  ledger.putOrg({
    ...current,
    initiators: current.initiators.map((i) => (i.name === initiator.name ? initiator : i)),
  });
}

function keys(security: SecurityService) {
  try {
    return security.keys();
  } catch (error) {
    if (error instanceof SecurityKeyError)
      throw new DarajaError(DarajaErrors.internalServerError, error.message);
    throw error;
  }
}

function decrypt(security: SecurityService, credential: string): string | undefined {
  keys(security);
  return security.decrypt(credential);
}
