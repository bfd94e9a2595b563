import type { Settings } from 'daraja-client/emulator';

const isPositiveInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** Checks of the `pull` settings section (see validate-settings). */
export const pullSettingChecks: { pull: Record<keyof Settings['pull'], (v: unknown) => boolean> } = {
  pull: {
    windowHours: (v) => isPositiveInt(v) && (v as number) <= 24 * 366,
    pageSize: (v) => isPositiveInt(v) && (v as number) <= 10_000,
  },
};
