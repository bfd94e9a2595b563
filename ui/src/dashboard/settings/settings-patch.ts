import type { Settings, SettingsPatch } from 'daraja-client/emulator';

/**
 * The sections of `draft` that differ from `saved`, whole: one PATCH carries every edit, and sections the
 * form did not touch are left out so a change someone else made to them meanwhile is not overwritten.
 */
export function settingsPatch(saved: Settings, draft: Settings): SettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const section of Object.keys(draft) as (keyof Settings)[]) {
    if (JSON.stringify(draft[section]) !== JSON.stringify(saved[section])) patch[section] = draft[section];
  }
  return patch as SettingsPatch;
}
