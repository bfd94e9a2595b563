import { STK_OUTCOMES, settingUi, type StkOutcome } from 'daraja-client/emulator';

/** The outcomes a setting or a fault rule can name, in the client's order. */
export const stkOutcomes = STK_OUTCOMES;

/** Each named outcome's words, as the settings schema declares them (stk.defaultOutcome's options). */
const labels = new Map(settingUi('stk', 'defaultOutcome').options);

export function outcomeLabel(outcome: StkOutcome): string {
  return typeof outcome === 'number' ? `Result code ${outcome}` : (labels.get(outcome) ?? outcome);
}

/** Select values are strings; result codes come back as numbers. */
export function parseOutcome(value: string): StkOutcome {
  const known = stkOutcomes.find((o) => o === value);
  return known ?? Number(value);
}
