import {
  AccountBalanceResult,
  B2BResult,
  B2CResult,
  ReversalResult,
  TransactionStatusResult,
  type ResultCodeEntry,
} from 'daraja-client/wire';
import type { InitiatorApi, InitiatorOutcome, Settings } from 'daraja-client/emulator';

/** What happens to a request: normal processing, a forced result, or a timeout in the queue. */
export type PlannedOutcome =
  | { kind: 'normal' }
  | { kind: 'queue-timeout'; rule: string }
  | { kind: 'result'; result: ResultCodeEntry; rule: string };

const TABLES: Record<InitiatorApi, Record<string, ResultCodeEntry>> = {
  b2c: B2CResult,
  b2pochi: B2CResult,
  'transaction-status': TransactionStatusResult,
  'account-balance': AccountBalanceResult,
  reversal: ReversalResult,
  b2b: B2BResult,
  'tax-remittance': B2BResult,
};

/** The code each named outcome stands for; `unknown-receipt` depends on the API. */
function codeOf(name: string, api: InitiatorApi): number | string | undefined {
  switch (name) {
    case 'initiator-invalid':
      return 2001;
    case 'credential-locked':
      return 8006;
    case 'insufficient-funds':
      return 1;
    case 'unknown-receipt':
      return api === 'reversal' ? 'R000002' : 2032;
    case 'already-reversed':
      return 'R000001';
    case 'duplicate':
      return 15;
    case 'system-busy':
      return 26;
    case 'internal-error':
      return 17;
    case 'not-permitted':
      return 2028;
    default:
      return undefined;
  }
}

/** The result entry for a code, with the API's own text when it has one, else any API's, else a generic one. */
export function resultForCode(api: InitiatorApi, code: number | string): ResultCodeEntry {
  const own = Object.values(TABLES[api]).find((r) => r.code === code);
  if (own) return own;
  for (const table of Object.values(TABLES)) {
    const found = Object.values(table).find((r) => r.code === code);
    if (found) return found;
  }
  return { code, desc: `Result code ${code}.` };
}

/** The configured outcome for a request, most specific key first: `api:shortcode`, `api`, `*:shortcode`, `*`. */
export function configuredOutcome(
  api: InitiatorApi,
  shortcode: string,
  settings: Settings['initiator'],
): { outcome: InitiatorOutcome; key: string } | undefined {
  for (const key of [`${api}:${shortcode}`, api, `*:${shortcode}`, '*']) {
    const outcome = settings.outcomes[key];
    if (outcome !== undefined) return { outcome, key };
  }
  return undefined;
}

/** Turns a configured outcome into a plan. */
export function planOutcome(api: InitiatorApi, outcome: InitiatorOutcome, rule: string): PlannedOutcome {
  if (outcome === 'normal' || outcome === 0) return { kind: 'normal' };
  if (outcome === 'queue-timeout') return { kind: 'queue-timeout', rule };
  const code = typeof outcome === 'string' ? (codeOf(outcome, api) ?? outcome) : outcome;
  return { kind: 'result', result: resultForCode(api, code), rule };
}
