/** East Africa Time (UTC+3, no daylight saving): the zone of every time Daraja shows. */
const EAT_OFFSET_MS = 3 * 60 * 60 * 1000;

export interface EatParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/**
 * The parts of the last time asked for: one payment writes the same instant into its ids, receipt, SMS and
 * callback, each asking again. Frozen, since every caller shares it.
 */
let last: { ms: number; parts: Readonly<EatParts> } | undefined;

export function eatParts(ms: number): Readonly<EatParts> {
  if (last?.ms === ms) return last.parts;
  const parts = Object.freeze(partsOf(ms));
  last = { ms, parts };
  return parts;
}

function partsOf(ms: number): EatParts {
  const d = new Date(ms + EAT_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYYMMDDHHmmss` in EAT, as in Timestamp, TransactionDate and TransTime. */
export function eatTimestamp(ms: number): string {
  const p = eatParts(ms);
  return `${p.year}${pad(p.month)}${pad(p.day)}${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

/** `dd.MM.yyyy HH:mm:ss` in EAT, as in B2C's TransactionCompletedDateTime. */
export function eatDottedDateTime(ms: number): string {
  const p = eatParts(ms);
  return `${pad(p.day)}.${pad(p.month)}.${p.year} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** `YYYYMMDD` in EAT. */
export function eatDate(ms: number): string {
  return eatTimestamp(ms).slice(0, 8);
}

/** Parses a 14-digit EAT timestamp into epoch ms; undefined when it is not a real date and time. */
export function parseEatTimestamp(value: string): number | undefined {
  if (value.length !== 14) return undefined;
  // Digit by digit: this runs on every STK push and query.
  const digits = (from: number, to: number): number => {
    let n = 0;
    for (let i = from; i < to; i++) {
      const d = value.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return Number.NaN;
      n = n * 10 + d;
    }
    return n;
  };
  const year = digits(0, 4);
  const month = digits(4, 6);
  const day = digits(6, 8);
  const hour = digits(8, 10);
  const minute = digits(10, 12);
  const second = digits(12, 14);
  if ([year, month, day, hour, minute, second].some(Number.isNaN)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  return utc - EAT_OFFSET_MS;
}
