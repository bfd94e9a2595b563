import { createHash } from 'node:crypto';
import type { C2bVersion, Settings } from 'daraja-client/emulator';

export type MsisdnForm = 'hashed' | 'masked' | 'plain';

/**
 * The payer's number as notifications show it. Since late 2023 Daraja hides it: v1 registrations get a
 * 64-hex SHA-256 hash, v2 registrations a masked `2547 ***** 126`. Safaricom does not say what is hashed;
 * the emulator hashes the 12-digit `2547…` string with no salt, so an app can match it against its own
 * customers' numbers.
 */
export function msisdnForm(version: C2bVersion, setting: Settings['c2b']['msisdnFormat']): MsisdnForm {
  if (setting !== 'auto') return setting;
  return version === 'v1' ? 'hashed' : 'masked';
}

export function formatMsisdn(msisdn: string, form: MsisdnForm): string {
  switch (form) {
    case 'hashed':
      return createHash('sha256').update(msisdn, 'utf8').digest('hex');
    case 'masked':
      return `${msisdn.slice(0, 4)} ***** ${msisdn.slice(-3)}`;
    case 'plain':
      return msisdn;
  }
}
