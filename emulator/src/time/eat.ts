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

export function eatParts(ms: number): EatParts {
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
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  return utc - EAT_OFFSET_MS;
}
