import type { DelaySpec, FaultEffect, FaultMatch, FaultRuleInput } from 'daraja-client/emulator';
import { effectLabels } from './effect-labels';

/** What a rule picks, in a few words: "stk-push · phone 254708374149 · Ksh 1,000 or more". */
export function describeMatch(match: FaultMatch | undefined): string {
  if (!match || Object.keys(match).length === 0) return 'Everything its effect acts on';
  const parts: string[] = [];
  const words = (v: string | number | (string | number)[]) => (Array.isArray(v) ? v.join(' or ') : String(v));
  if (match.endpoint) parts.push(words(match.endpoint));
  if (match.callback) parts.push(`${words(match.callback)} callbacks`);
  if (match.app) parts.push(`app ${words(match.app)}`);
  if (match.shortcode) parts.push(`shortcode ${words(match.shortcode)}`);
  if (match.phone) parts.push(`phone ${words(match.phone)}`);
  if (match.accountReference) parts.push(`account ${words(match.accountReference)}`);
  if (match.amount !== undefined) parts.push(describeAmount(match.amount));
  return parts.join(' · ');
}

function describeAmount(amount: NonNullable<FaultMatch['amount']>): string {
  if (typeof amount === 'number') return `Ksh ${amount}`;
  const { min, max } = amount;
  if (min !== undefined && max !== undefined) return `Ksh ${min} to ${max}`;
  return min !== undefined ? `Ksh ${min} or more` : `Ksh ${max ?? 0} or less`;
}

/** When it fires: "only the 2nd · at most 3 times · 30% of the time", or "every time". */
export function describeCounting(rule: FaultRuleInput): string {
  const parts: string[] = [];
  if (rule.nth !== undefined) parts.push(`only the ${ordinal(rule.nth)}`);
  if (rule.every !== undefined) parts.push(rule.every === 1 ? 'every one' : `every ${ordinal(rule.every)}`);
  if (rule.times !== undefined) parts.push(rule.times === 1 ? 'once' : `at most ${rule.times} times`);
  if (rule.probability !== undefined) parts.push(`${Math.round(rule.probability * 1000) / 10}% of the time`);
  return parts.length > 0 ? parts.join(' · ') : 'every time';
}

/** What it does: the effect's label and its parameters, "STK prompt result: resultCode 1032". */
export function describeEffect(effect: FaultEffect): string {
  const label = effectLabels[effect.type] ?? effect.type;
  const params = Object.entries(effect)
    .filter(([key, value]) => key !== 'type' && value !== undefined)
    .map(
      ([key, value]) =>
        `${key} ${key === 'ms' || key.endsWith('Ms') ? describeDelay(value as DelaySpec) : String(value)}`,
    );
  return params.length > 0 ? `${label}: ${params.join(', ')}` : label;
}

function describeDelay(delay: DelaySpec): string {
  if (typeof delay === 'number') return `${delay} ms`;
  return 'mean' in delay ? `about ${delay.mean} ms` : `${delay.min}-${delay.max} ms`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
