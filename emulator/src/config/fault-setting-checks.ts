import type { Settings } from 'daraja-client/emulator';

type Check = (value: unknown) => boolean;

const isNonNegativeInt: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Checks of the `magic` and `rateLimit` settings, spread into validate-settings' table. */
export const faultSettingChecks: { [S in 'magic' | 'rateLimit']: Record<keyof Settings[S], Check> } = {
  magic: { enabled: (v) => typeof v === 'boolean' },
  rateLimit: {
    tps: (v) => isNonNegativeInt(v) && (v as number) <= 1_000_000,
    scope: (v) => v === 'app' || v === 'global',
    algorithm: (v) => v === 'window' || v === 'smooth',
    status: (v) => isNonNegativeInt(v) && (v as number) >= 400 && (v as number) <= 599,
  },
};

/** Defaults: magic numbers on (they are a reserved range), no rate limit, status 500 as Daraja documents. */
export function defaultFaultSettings(): Pick<Settings, 'magic' | 'rateLimit'> {
  return {
    magic: { enabled: true },
    rateLimit: { tps: 0, scope: 'app', algorithm: 'window', status: 500 },
  };
}
