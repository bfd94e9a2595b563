import type { EnqueueInput, PlannedDelivery } from '../callbacks/outbox.js';
import type { Transactions } from '../ledger/transactions.js';
import type { FaultRuleSet } from './fault-rules.js';
import { deliverySubject, transactionSubject } from './matchers.js';
import { sampleDelay } from './delay-spec.js';
import { legacyStkCallback } from './legacy-callback.js';

/** How long a `callback-reorder` delivery waits for a later one before it goes anyway. */
export const DEFAULT_MAX_HOLD_MS = 60_000;

/**
 * The outbox transform of the callback rules. Rules apply in order: a drop ends it; delays add up;
 * a duplicate copies the delivery as changed so far. Every delivery made is tagged with the rules.
 */
export function deliveryFaults(
  rules: FaultRuleSet,
  transactions: Transactions,
): (input: EnqueueInput) => PlannedDelivery[] {
  return (input) => {
    if (!rules.has('callback')) return [input];
    const t = input.transactionId ? transactions.get(input.transactionId) : undefined;
    const subject = t ? transactionSubject(t, input.kind) : deliverySubject(input.kind);
    const fired = rules.fire('callback', subject, (e) => e.type === 'callback-drop');
    if (fired.length === 0) return [input];
    const names: string[] = [];
    let d: PlannedDelivery = { ...input };
    let copies = 0;
    let gapMs = 0;
    for (const f of fired) {
      const e = f.effect;
      switch (e.type) {
        case 'callback-drop':
          names.push(f.name);
          return [{ ...d, drop: true, rules: names }];
        case 'callback-delay':
          d.delayMs = (d.delayMs ?? 0) + sampleDelay(e.ms, f.random);
          break;
        case 'callback-reorder':
          d = { ...d, behindNext: true, delayMs: (d.delayMs ?? 0) + (e.maxHoldMs ?? DEFAULT_MAX_HOLD_MS) };
          break;
        case 'callback-malformed': {
          const json = JSON.stringify(d.body);
          d.bodyText =
            e.mode === 'not-json'
              ? `<html><body>${json.length} bytes</body></html>`
              : json.slice(0, Math.floor(json.length / 2));
          d.body = d.bodyText;
          break;
        }
        case 'callback-legacy': {
          const legacy = input.kind === 'stk-callback' ? legacyStkCallback(d.body) : undefined;
          if (!legacy) continue; // only STK callbacks have a documented legacy wording
          d.body = legacy;
          break;
        }
        case 'callback-duplicate':
          copies += e.copies ?? 1;
          gapMs = e.gapMs ?? gapMs;
          break;
        default:
          continue;
      }
      names.push(f.name);
    }
    d.rules = names;
    const out = [d];
    for (let i = 1; i <= copies; i++)
      out.push({ ...d, behindNext: false, delayMs: (d.delayMs ?? 0) + gapMs * i });
    return out;
  };
}
