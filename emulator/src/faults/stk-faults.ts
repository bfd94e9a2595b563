import type { Settings, TransactionView } from 'daraja-client/emulator';
import type { OutcomeOverride } from '../apis/stk-push/service.js';
import { plan, resultForCode, type PlannedOutcome } from '../apis/stk-push/outcome.js';
import type { FaultRuleSet } from './fault-rules.js';
import { transactionSubject } from './matchers.js';
import { magicPhone } from './magic-values.js';

/**
 * The STK service's outcome override. Precedence, highest first: an `stk-outcome` fault rule, a magic
 * phone number (when `magic.enabled`), then the service's own order: a phone set offline, the per-phone
 * outcome, the default outcome. A rule that only sets `decisionDelayMs` leaves the outcome to the others.
 * After a restart only magic numbers are applied again: rule counters are not kept, so re-running rules
 * could decide differently.
 */
export function stkFaults(rules: FaultRuleSet, settings: () => Settings) {
  return (t: TransactionView, recovering: boolean): OutcomeOverride | undefined => {
    const rule = recovering ? undefined : rules.fire('stk', transactionSubject(t), () => true)[0];
    const effect = rule?.effect.type === 'stk-outcome' ? rule.effect : undefined;
    const fromRule = effect ? ruleOutcome(effect.outcome, effect.resultCode, effect.resultDesc) : undefined;
    if (rule && effect && fromRule) {
      return {
        outcome: fromRule,
        ...(effect.decisionDelayMs !== undefined ? { decisionDelayMs: effect.decisionDelayMs } : {}),
        by: 'rule',
        rules: [rule.name],
      };
    }
    const magic = settings().magic.enabled ? magicPhone(t.phone) : undefined;
    const names = rule ? [rule.name] : [];
    const delay = effect?.decisionDelayMs !== undefined ? { decisionDelayMs: effect.decisionDelayMs } : {};
    if (magic)
      return {
        outcome: plan(magic.outcome),
        ...delay,
        by: 'auto',
        rules: [...names, `magic:${magic.phone}`],
      };
    return rule ? { ...delay, by: 'rule', rules: names } : undefined;
  };
}

function ruleOutcome(
  outcome: Parameters<typeof plan>[0] | undefined,
  resultCode: number | undefined,
  resultDesc: string | undefined,
): PlannedOutcome | undefined {
  if (resultCode !== undefined) {
    if (resultCode === 0) return { kind: 'accept' };
    return {
      kind: 'result',
      result: { code: resultCode, desc: resultDesc ?? resultForCode(resultCode).desc },
    };
  }
  if (outcome === undefined) return undefined;
  const planned = plan(outcome);
  if (planned.kind === 'result' && resultDesc !== undefined) {
    return { kind: 'result', result: { code: planned.result.code, desc: resultDesc } };
  }
  return planned;
}
