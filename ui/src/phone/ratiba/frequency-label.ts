import type { RatibaFrequency } from 'daraja-client/wire';

const LABELS: Record<RatibaFrequency, string> = {
  'one-off': 'once',
  daily: 'every day',
  weekly: 'every week',
  'bi-weekly': 'every two weeks',
  monthly: 'every month',
  'bi-monthly': 'every two months',
  quarterly: 'every three months',
  'half-yearly': 'every six months',
  yearly: 'every year',
};

/** How the handset words a standing order's frequency. */
export function frequencyLabel(frequency: RatibaFrequency): string {
  return LABELS[frequency];
}

/** `20261101` → `01/11/2026`, as M-PESA writes dates in its messages. */
export function ymdLabel(ymd: string): string {
  return `${ymd.slice(6, 8)}/${ymd.slice(4, 6)}/${ymd.slice(0, 4)}`;
}
