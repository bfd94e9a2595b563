import { DarajaErrors } from 'daraja-client/wire';
import type { Settings } from 'daraja-client/emulator';
import { DarajaError } from '../../http/daraja-error.js';
import type { Ledger } from '../../ledger/ledger.js';
import type { OrgRecord } from '../../ledger/records.js';
import { parseEatTimestamp } from '../../time/eat.js';
import { explainPassword, stkPassword, timestampNotes } from './password.js';

/**
 * The checks STK push and query share: the shortcode is a Lipa na M-Pesa merchant here, the Password is
 * base64(shortcode + passkey + Timestamp), and (when enabled) the Timestamp is close to the clock.
 */
export function checkStkCredentials(
  ledger: Ledger,
  settings: Settings,
  shortcode: string,
  password: string,
  timestamp: string,
  now: number,
  notes: string[],
): OrgRecord {
  const org = ledger.org(shortcode);
  if (!org || !org.passkey) {
    throw new DarajaError(
      DarajaErrors.merchantDoesNotExist,
      org
        ? `Shortcode ${shortcode} has no Lipa na M-Pesa Online passkey configured, so it cannot take STK pushes.`
        : `Shortcode ${shortcode} is not a merchant in this emulator (the sandbox's STK shortcode is 174379).`,
    );
  }
  const expected = stkPassword(shortcode, org.passkey, timestamp);
  const skewNotes = timestampNotes(timestamp, now);
  if (password !== expected) {
    const template =
      settings.stk.wrongCredentialsMessage === 'legacy'
        ? DarajaErrors.wrongCredentialsLegacy
        : DarajaErrors.wrongCredentials;
    throw new DarajaError(template, [
      ...explainPassword({ password, shortcode, passkey: org.passkey, timestamp }),
      ...skewNotes,
    ]);
  }
  const maxSkew = settings.stk.timestampMaxSkewSeconds;
  const at = parseEatTimestamp(timestamp);
  if (maxSkew > 0 && at !== undefined && Math.abs(at - now) > maxSkew * 1000) {
    throw new DarajaError(DarajaErrors.invalidField('Timestamp'), [
      `Timestamp "${timestamp}" is more than ${maxSkew} s from the emulator's East Africa Time (freshness check on).`,
      ...skewNotes,
    ]);
  }
  notes.push(...skewNotes);
  return org;
}
