import type { DelaySpec } from 'daraja-client/emulator';
import type { Random } from '../ids/random.js';

/** Milliseconds for a delay spec: fixed, uniform in [min, max], or exponential around the mean. */
export function sampleDelay(spec: DelaySpec, random: Random): number {
  if (typeof spec === 'number') return spec;
  if ('mean' in spec) return Math.round(-spec.mean * Math.log(1 - random.next()));
  return spec.min + Math.floor(random.next() * (spec.max - spec.min + 1));
}
