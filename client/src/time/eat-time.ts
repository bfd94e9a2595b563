/** East Africa Time is UTC+3 all year (no daylight saving), so a fixed offset is exact. */
const EAT_OFFSET_MS = 3 * 60 * 60 * 1000;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Formats a clock reading as Daraja's EAT `Timestamp`, `YYYYMMDDHHmmss`. */
export function formatEatTimestamp(epochMs: number): string {
  const eat = new Date(epochMs + EAT_OFFSET_MS);
  return (
    pad(eat.getUTCFullYear(), 4) +
    pad(eat.getUTCMonth() + 1) +
    pad(eat.getUTCDate()) +
    pad(eat.getUTCHours()) +
    pad(eat.getUTCMinutes()) +
    pad(eat.getUTCSeconds())
  );
}

/** Builds the instant for EAT wall-clock parts, or undefined if the parts are not a real date (e.g. 31 February). */
function fromEatParts(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
) {
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  const valid =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute &&
    check.getUTCSeconds() === second;
  return valid ? new Date(utc - EAT_OFFSET_MS) : undefined;
}

/** Parses a 14-digit EAT timestamp (`20261006095233`, as number or string); undefined if it is not one. */
export function parseEatTimestamp(value: string | number): Date | undefined {
  const text = String(value).trim();
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return fromEatParts(year, month, day, hour, minute, second);
}

/** Parses B2C's `TransactionCompletedDateTime`, `dd.MM.yyyy HH:mm:ss` in EAT; undefined if it is not one. */
export function parseEatDateTime(value: string): Date | undefined {
  const match = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (match === null) return undefined;
  const [day, month, year, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return fromEatParts(year, month, day, hour, minute, second);
}
