/** Display formats. M-Pesa lives in East Africa Time, so emulator times are shown there whatever the browser's zone. */

const eatTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Africa/Nairobi',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const eatDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Africa/Nairobi',
  day: '2-digit',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const shillings = new Intl.NumberFormat('en-KE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat('en-KE', { maximumFractionDigits: 2 });

/** `14:05:09` (EAT). */
export function formatTime(ms: number): string {
  return eatTime.format(ms);
}

/** `28 Nov, 14:05:09` (EAT). */
export function formatDateTime(ms: number): string {
  return eatDateTime.format(ms);
}

/** `Ksh 10,000.00`, as a balance reads in an M-Pesa SMS. */
export function formatBalance(amount: number): string {
  return `Ksh ${shillings.format(amount)}`;
}

/** `Ksh 1` or `Ksh 1,250.5`, as the STK prompt shows an amount. */
export function formatAmount(amount: number): string {
  return `Ksh ${plain.format(amount)}`;
}

/** `0:42` for a countdown; never negative. */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** `0708 374 149` from `254708374149`, the way a Kenyan reads a number. */
export function formatMsisdn(msisdn: string): string {
  const local = msisdn.startsWith('254') ? `0${msisdn.slice(3)}` : msisdn;
  return local.length === 10 ? `${local.slice(0, 4)} ${local.slice(4, 7)} ${local.slice(7)}` : msisdn;
}

/** Accepts `0708…`, `+254708…`, `254708…` or `708…` and gives `254708…`, as the control API expects. */
export function toMsisdn(input: string): string {
  const digits = input.replace(/\D/g, '');
  if (digits.startsWith('254')) return digits;
  if (digits.startsWith('0')) return `254${digits.slice(1)}`;
  if (digits.length === 9) return `254${digits}`;
  return digits;
}

/** Latency as people read it: `85 ms`, `1.2 s`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const counts = new Intl.NumberFormat('en-KE');

/** `3,214`. */
export function formatCount(n: number): string {
  return counts.format(n);
}
