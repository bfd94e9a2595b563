import type { RatibaFrequency } from 'daraja-client/wire';

const EAT_OFFSET_MS = 3 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** A `yyyymmdd` that is a real calendar date; undefined otherwise. */
export function parseYmd(text: string): Ymd | undefined {
  if (!/^\d{8}$/.test(text)) return undefined;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(4, 6));
  const day = Number(text.slice(6, 8));
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return { year, month, day };
}

/** The step between executions: whole days, or whole months (kept on the start's day of the month). */
const STEPS: Record<RatibaFrequency, { days: number } | { months: number } | undefined> = {
  'one-off': undefined,
  daily: { days: 1 },
  weekly: { days: 7 },
  'bi-weekly': { days: 14 },
  monthly: { months: 1 },
  'bi-monthly': { months: 2 },
  quarterly: { months: 3 },
  'half-yearly': { months: 6 },
  yearly: { months: 12 },
};

/**
 * When the `index`-th execution (0 = the StartDate) of an order is due, in epoch ms: that date at
 * `hourEat` o'clock East Africa Time; undefined once past the EndDate. Monthly steps count from the
 * StartDate, so an order starting on the 31st is debited on the last day of shorter months and on the 31st
 * again when the month has one.
 */
export function executionAt(
  startDate: string,
  endDate: string,
  frequency: RatibaFrequency,
  hourEat: number,
  index: number,
): number | undefined {
  const start = parseYmd(startDate);
  const end = parseYmd(endDate);
  if (!start || !end) return undefined;
  const step = STEPS[frequency];
  if (index > 0 && !step) return undefined;
  let date: Ymd = start;
  if (step && 'days' in step) {
    const d = new Date(Date.UTC(start.year, start.month - 1, start.day) + index * step.days * DAY_MS);
    date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  } else if (step) {
    const months = start.month - 1 + index * step.months;
    const year = start.year + Math.floor(months / 12);
    const month = (months % 12) + 1;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    date = { year, month, day: Math.min(start.day, last) };
  }
  const endAt = Date.UTC(end.year, end.month - 1, end.day);
  if (Date.UTC(date.year, date.month - 1, date.day) > endAt) return undefined;
  return Date.UTC(date.year, date.month - 1, date.day, hourEat) - EAT_OFFSET_MS;
}

/** The first execution index due at or after `from` (executions on earlier days are skipped). */
export function firstIndexFrom(
  startDate: string,
  endDate: string,
  frequency: RatibaFrequency,
  hourEat: number,
  from: number,
): number {
  // Executions earlier on the same EAT day as `from` still run (late), those of earlier days do not.
  const dayStart = Math.floor((from + EAT_OFFSET_MS) / DAY_MS) * DAY_MS - EAT_OFFSET_MS;
  let index = 0;
  for (;;) {
    const at = executionAt(startDate, endDate, frequency, hourEat, index);
    if (at === undefined || at >= dayStart) return index;
    index++;
  }
}
