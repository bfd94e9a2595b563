import type { Settings } from 'daraja-client/emulator';

type Check = (value: unknown) => boolean;

const isNonNegativeInt: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Checks of the billManager settings section (see validate-settings). */
export const billManagerSettingChecks: { billManager: Record<keyof Settings['billManager'], Check> } = {
  billManager: {
    paymentRetries: (v) => isNonNegativeInt(v) && (v as number) <= 20,
    paymentDelayMs: isNonNegativeInt,
  },
};

/** Defaults: the portal's "retried up to 5 times" (spaced by callbacks.retryDelayMs; Daraja's interval is not published). */
export function defaultBillManagerSettings(): Pick<Settings, 'billManager'> {
  return { billManager: { paymentRetries: 5, paymentDelayMs: 0 } };
}
