import type { Settings } from 'daraja-client/emulator';

type Check = (value: unknown) => boolean;

const isNonNegativeInt: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v);

/** Checks of the ratiba settings section (see validate-settings). */
export const ratibaSettingChecks: { ratiba: Record<keyof Settings['ratiba'], Check> } = {
  ratiba: {
    frequencyCodes: oneOf('aug-2026', 'dec-2025'),
    promptTimeoutMs: (v) => isNonNegativeInt(v) && (v as number) > 0,
    callbackDelayMs: isNonNegativeInt,
    debitNotice: oneOf('c2b-confirmation', 'none'),
    debitHourEat: (v) => isNonNegativeInt(v) && (v as number) <= 23,
  },
};

/**
 * Defaults: the Aug 2026 page's frequency codes (newer, and what the 2026 sandbox probe and clients send);
 * the STK prompt's 60 s; debits at 08:00 EAT, notified as the customer payments they are.
 */
export function defaultRatibaSettings(): Pick<Settings, 'ratiba'> {
  return {
    ratiba: {
      frequencyCodes: 'aug-2026',
      promptTimeoutMs: 60_000,
      callbackDelayMs: 0,
      debitNotice: 'c2b-confirmation',
      debitHourEat: 8,
    },
  };
}
