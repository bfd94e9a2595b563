import { StkResult, type ResultCodeEntry } from 'daraja-client/wire';
import type { Settings, StkOutcome } from 'daraja-client/emulator';

/** What the prompt will do without a person: wait for the phone, or decide after the decision delay. */
export type PlannedOutcome =
  | { kind: 'wait' }
  | { kind: 'unreachable' }
  | { kind: 'accept' }
  | { kind: 'wrong-pin' }
  | { kind: 'result'; result: ResultCodeEntry };

export function outcomeFor(phone: string, offline: boolean, settings: Settings['stk']): PlannedOutcome {
  if (offline) return { kind: 'unreachable' };
  return plan(settings.phoneOutcomes[phone] ?? settings.defaultOutcome);
}

export function plan(outcome: StkOutcome): PlannedOutcome {
  switch (outcome) {
    case 'wait':
    case 'timeout':
      return { kind: 'wait' };
    case 'offline':
      return { kind: 'unreachable' };
    case 'accept':
      return { kind: 'accept' };
    case 'wrong-pin':
      return { kind: 'wrong-pin' };
    case 'decline':
      return { kind: 'result', result: StkResult.cancelled };
    case 'insufficient-funds':
      return { kind: 'result', result: StkResult.insufficientFunds };
    default:
      return outcome === 0 ? { kind: 'accept' } : { kind: 'result', result: resultForCode(outcome) };
  }
}

/** The STK result entry for a code; unknown codes get a generic description. */
export function resultForCode(code: number): ResultCodeEntry {
  const known = Object.values(StkResult).find((r) => r.code === code && r.code !== 4999);
  return known ?? { code, desc: `Result code ${code}.` };
}
