import {
  settingAllows,
  settingDefault,
  settingSchema,
  settingsSchema,
  type Settings,
} from 'daraja-client/emulator';

/** A setting with a value the emulator cannot use; the message names the setting. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

/** Each section's settings, in declaration order (read once from the schema). */
const sectionKeys = new Map<string, string[]>(
  Object.entries(settingsSchema.entries).map(([section, schema]) => [section, Object.keys(schema.entries)]),
);

/**
 * Throws a SettingsError naming the first setting that is unknown or has an unusable value. The checks are
 * the settings schema's (daraja-client/emulator); a section must hold every one of its settings.
 */
export function validateSettings(settings: Settings): void {
  const given = settings as unknown as Record<string, unknown>;
  for (const [section, values] of Object.entries(given)) {
    const keys = sectionKeys.get(section);
    if (!keys) throw new SettingsError(`Unknown settings section "${section}".`);
    if (!values || typeof values !== 'object')
      throw new SettingsError(`Settings section "${section}" must be an object.`);
    for (const [key, value] of Object.entries(values)) {
      const schema = settingSchema(section, key);
      if (!schema) throw new SettingsError(`Unknown setting "${section}.${key}".`);
      if (!settingAllows(schema, value)) {
        throw new SettingsError(
          `Setting "${section}.${key}" cannot be ${JSON.stringify(value)} (default: ${JSON.stringify(settingDefault(schema))}).`,
        );
      }
    }
    for (const key of keys) {
      if (!(key in values)) throw new SettingsError(`Setting "${section}.${key}" is missing.`);
    }
  }
}
