import { NO_RECENT_SWAP } from 'daraja-client/wire';
import { eatParts } from '../../time/eat.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** `DD-MM-YYYY` in East Africa Time, as the portal's IMSI sample writes dates. */
export function dayMonthYear(ms: number): string {
  const p = eatParts(ms);
  return `${pad(p.day)}-${pad(p.month)}-${p.year}`;
}

/** `DD-MM-YYYY HH:mm` in East Africa Time, as the Swap sample writes dates. */
export function dayMonthYearTime(ms: number): string {
  const p = eatParts(ms);
  return `${dayMonthYear(ms)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** True when `at` lies within the three calendar months before `now` (the window the checks report). */
export function swappedRecently(at: number | undefined, now: number): boolean {
  if (at === undefined) return false;
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - 3);
  return at >= cutoff.getTime();
}

/** The `lastSwapDate` value: the swap's date in the given form, or Daraja's 1900 date when none is recent. */
export function lastSwapDate(at: number | undefined, now: number, form: (ms: number) => string): string {
  return swappedRecently(at, now) && at !== undefined ? form(at) : NO_RECENT_SWAP;
}
