import { STK_OUTCOMES, type StkOutcome } from 'daraja-client/emulator';

/** The outcomes a setting or a fault rule can name, in the client's order. */
export const stkOutcomes = STK_OUTCOMES;

const labels: Record<(typeof STK_OUTCOMES)[number], string> = {
  wait: 'Wait for someone to answer on the phone',
  accept: 'Accept (correct PIN)',
  decline: 'Cancel (1032)',
  timeout: 'Time out (1037)',
  'wrong-pin': 'Wrong PIN (2001)',
  'insufficient-funds': 'Insufficient funds (1)',
  offline: 'Phone unreachable',
};

export function outcomeLabel(outcome: StkOutcome): string {
  return typeof outcome === 'number' ? `Result code ${outcome}` : labels[outcome];
}

/** Select values are strings; result codes come back as numbers. */
export function parseOutcome(value: string): StkOutcome {
  const known = stkOutcomes.find((o) => o === value);
  return known ?? Number(value);
}
