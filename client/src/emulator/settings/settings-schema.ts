import * as v from 'valibot';
import { callbacksSettingsSchema } from './callbacks.js';
import { c2bSettingsSchema } from './c2b.js';
import { httpSettingsSchema, idsSettingsSchema } from './http.js';
import { b2cSettingsSchema, initiatorSettingsSchema, securitySettingsSchema } from './initiator.js';
import { moneySettingsSchema } from './money.js';
import { oauthSettingsSchema } from './oauth.js';
import { pullSettingsSchema } from './pull.js';
import { billManagerSettingsSchema, ratibaSettingsSchema } from './ratiba.js';
import { readSettingUi, type SettingSchema, type SettingUi } from './setting.js';
import { stkSettingsSchema } from './stk.js';
import { magicSettingsSchema, rateLimitSettingsSchema } from './traffic.js';

/**
 * Every behaviour of the emulator that can change at runtime, section by section. Each setting is declared
 * once, with its checks, default and words; the Settings type, the defaults, the emulator's validation, the
 * dashboard's forms and the config file's JSON Schema are all read from here.
 */
export const settingsSchema = v.object({
  oauth: oauthSettingsSchema,
  stk: stkSettingsSchema,
  callbacks: callbacksSettingsSchema,
  initiator: initiatorSettingsSchema,
  security: securitySettingsSchema,
  b2c: b2cSettingsSchema,
  money: moneySettingsSchema,
  http: httpSettingsSchema,
  ids: idsSettingsSchema,
  magic: magicSettingsSchema,
  rateLimit: rateLimitSettingsSchema,
  c2b: c2bSettingsSchema,
  pull: pullSettingsSchema,
  ratiba: ratibaSettingsSchema,
  billManager: billManagerSettingsSchema,
});

/** Every behaviour of the emulator that can change at runtime. */
export type Settings = v.InferOutput<typeof settingsSchema>;

/** A partial update of the settings, as `PATCH /_emulator/settings` takes it. */
export type SettingsPatch = { [K in keyof Settings]?: Partial<Settings[K]> };

/**
 * A settings patch as a config file or `PATCH /_emulator/settings` gives it: any sections, each with any of
 * its settings; unknown sections and settings are refused. It describes (the JSON Schema of the config
 * file); it is not for parsing, which would fill a section's missing settings with their defaults.
 */
export const settingsPatchSchema = v.strictObject(
  Object.fromEntries(
    Object.entries(settingsSchema.entries).map(([section, schema]) => [
      section,
      v.optional(v.pipe(v.strictObject(schema.entries), v.title(`Settings: ${section}`))),
    ]),
  ) as unknown as {
    [K in keyof Settings]: v.OptionalSchema<v.GenericSchema<Partial<Settings[K]>>, undefined>;
  },
);

/** The settings sections, in declaration order. */
export const SETTINGS_SECTIONS = Object.keys(settingsSchema.entries) as (keyof Settings)[];

/** The defaults: a fresh object on every call. */
export function defaultSettings(): Settings {
  return v.getDefaults(settingsSchema) as Settings;
}

/** The declaration of one setting, or undefined when the section or setting does not exist. */
export function settingSchema(section: string, key: string): SettingSchema<unknown> | undefined {
  const entries = (
    settingsSchema.entries as Record<string, { entries: Record<string, unknown> } | undefined>
  )[section]?.entries;
  if (!entries || !Object.hasOwn(entries, key)) return undefined;
  return entries[key] as SettingSchema<unknown>;
}

/** The dashboard's words and bounds of a setting (label, hint, unit, options, min, max). */
export function settingUi<S extends keyof Settings>(section: S, key: keyof Settings[S] & string): SettingUi {
  const schema = settingSchema(section, key);
  if (!schema) throw new Error(`No setting "${section}.${key}".`);
  let ui = uiCache.get(schema);
  if (!ui) uiCache.set(schema, (ui = readSettingUi(schema)));
  return ui;
}

const uiCache = new WeakMap<object, SettingUi>();
