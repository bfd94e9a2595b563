import type {
  InitiatorOutcomeOverride,
  InitiatorOverride,
  InitiatorOverrideInput,
} from '../apis/initiator/outcome-override.js';
import { planOutcome } from '../apis/initiator/outcome.js';
import type { FaultRuleSet } from './fault-rules.js';
import { requestSubject, type FaultSubject } from './matchers.js';
import { sampleDelay } from './delay-spec.js';

/**
 * The initiator flow's outcome override: the first `initiator-result` rule that fires decides the Result
 * (a named outcome or any code; failures are built as the API builds its own, without moving money) and/or
 * the delay before the callback. Above `initiator.outcomes`, below a queue timeout armed through the control
 * API. A rule that only sets `resultDelayMs` leaves the outcome to the settings and normal processing.
 */
export function initiatorFaults(rules: FaultRuleSet): InitiatorOutcomeOverride {
  return (input) => {
    if (!rules.has('initiator')) return undefined;
    const rule = rules.fire('initiator', initiatorSubject(input), () => true)[0];
    if (!rule || rule.effect.type !== 'initiator-result') return undefined;
    const e = rule.effect;
    const override: InitiatorOverride = { rules: [rule.name] };
    const forced = e.outcome ?? numeric(e.resultCode);
    if (forced !== undefined) {
      const planned = planOutcome(input.api, forced, `Fault rule "${rule.name}"`);
      override.outcome =
        planned.kind === 'result' && e.resultDesc !== undefined
          ? { ...planned, result: { code: planned.result.code, desc: e.resultDesc } }
          : planned;
    }
    if (e.resultDelayMs !== undefined) override.resultDelayMs = sampleDelay(e.resultDelayMs, rule.random);
    return override;
  };
}

/** "2001" is the code 2001, as the Result callback writes it; "R000001" stays text. */
const numeric = (code: number | string | undefined) =>
  typeof code === 'string' && /^\d+$/.test(code) ? Number(code) : code;

/**
 * Matched like an HTTP rule on the same request (path, app, shortcodes and MSISDNs in the body, Amount), plus
 * what the API read from it: the acting shortcode (Reversal's ReceiverParty) and the customer's phone.
 */
function initiatorSubject(input: InitiatorOverrideInput): FaultSubject {
  const subject = requestSubject(input.path, input.body, input.appId);
  subject.endpoints.add(input.api);
  const { phone, amount } = input.fields;
  if (!subject.shortcodes.includes(input.shortcode)) subject.shortcodes.push(input.shortcode);
  if (phone && !subject.phones.includes(phone)) subject.phones.push(phone);
  if (subject.amount === undefined && amount !== undefined) subject.amount = amount;
  return subject;
}
