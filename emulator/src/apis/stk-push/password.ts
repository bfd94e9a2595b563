import { eatTimestamp, parseEatTimestamp } from '../../time/eat.js';

/** base64(BusinessShortCode + Passkey + Timestamp), as Daraja computes it. */
export function stkPassword(shortcode: string, passkey: string, timestamp: string): string {
  return Buffer.from(`${shortcode}${passkey}${timestamp}`, 'utf8').toString('base64');
}

/**
 * Explains why a Password does not match, naming the part that differs. The passkey itself is never
 * shown: only whether it matched.
 */
export function explainPassword(input: {
  password: string;
  shortcode: string;
  passkey: string;
  timestamp: string;
}): string[] {
  const { password, shortcode, passkey, timestamp } = input;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(password)) {
    const urlSafe = /^[A-Za-z0-9_-]+={0,2}$/.test(password);
    return [
      urlSafe
        ? 'The Password uses URL-safe base64 (- and _); Daraja expects standard base64 (+ and /) with padding.'
        : 'The Password is not base64; it must be base64(BusinessShortCode + Passkey + Timestamp).',
    ];
  }
  const decoded = Buffer.from(password, 'base64').toString('utf8');
  const notes: string[] = [];
  if (password.length % 4 !== 0) notes.push('The Password is missing its base64 padding (=).');
  if (!decoded.startsWith(shortcode)) {
    const other = /^\d{5,7}/.exec(decoded)?.[0];
    notes.push(
      other
        ? `The Password was built with shortcode ${other}, but BusinessShortCode is ${shortcode}.`
        : `The decoded Password does not start with BusinessShortCode ${shortcode}.`,
    );
    return notes;
  }
  const rest = decoded.slice(shortcode.length);
  const embeddedTimestamp = rest.slice(-14);
  const embeddedPasskey = rest.slice(0, -14);
  if (embeddedPasskey !== passkey) {
    notes.push(
      embeddedPasskey.length === passkey.length
        ? `The passkey inside the Password differs from the passkey configured for shortcode ${shortcode}.`
        : `The passkey inside the Password is ${embeddedPasskey.length} characters long; the passkey configured for shortcode ${shortcode} has ${passkey.length}.`,
    );
  }
  if (embeddedTimestamp !== timestamp) {
    notes.push(
      `The Password was built with Timestamp "${embeddedTimestamp}", but the Timestamp field is "${timestamp}"; both must be the same string.`,
    );
    const a = parseEatTimestamp(embeddedTimestamp);
    const b = parseEatTimestamp(timestamp);
    if (a !== undefined && b !== undefined && Math.abs(Math.abs(a - b) - 3 * 3600_000) < 5000) {
      notes.push('They differ by three hours: one of them looks like UTC rather than East Africa Time.');
    } else if (a !== undefined && b !== undefined && Math.abs(a - b) < 5000) {
      notes.push('They are a second or two apart: the clock was read twice; build both from one reading.');
    }
  }
  if (notes.length === 0)
    notes.push('The Password does not match base64(BusinessShortCode + Passkey + Timestamp).');
  return notes;
}

/** Notes about a Timestamp that is well-formed but unlike the current East Africa Time. */
export function timestampNotes(timestamp: string, now: number): string[] {
  const at = parseEatTimestamp(timestamp);
  if (at === undefined) return [];
  const skew = at - now;
  if (Math.abs(skew + 3 * 3600_000) < 10 * 60_000) {
    return [
      `The Timestamp "${timestamp}" is three hours behind East Africa Time (now ${eatTimestamp(now)}): it looks like UTC.`,
    ];
  }
  if (Math.abs(skew) > 24 * 3600_000) {
    return [
      `The Timestamp "${timestamp}" is more than a day away from the current East Africa Time (${eatTimestamp(now)}).`,
    ];
  }
  return [];
}
