import type * as v from 'valibot';
import type { stkOutcomeSchema } from './settings/stk.js';

// The settings are declared once, in settings/ (one file per section); these are what the rest reads.
export { STK_OUTCOMES, STK_OUTCOME_OPTIONS, stkOutcomeSchema } from './settings/stk.js';
export {
  SETTINGS_SECTIONS,
  defaultSettings,
  settingSchema,
  settingUi,
  settingsPatchSchema,
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from './settings/settings-schema.js';
export {
  UI_METADATA_KEY,
  isMoney,
  settingAllows,
  settingDefault,
  type SettingKind,
  type SettingOption,
  type SettingSchema,
  type SettingUi,
  type SettingWords,
} from './settings/setting.js';

/**
 * What an STK prompt does when nobody taps the phone: wait for a person (until the PIN timeout), or decide
 * by itself. A number is any STK result code (see `StkResult`).
 */
export type StkOutcome = v.InferOutput<typeof stkOutcomeSchema>;
