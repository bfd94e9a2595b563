import type { Settings, SettingsPatch } from 'daraja-client/emulator';
import type { ArrangeOptions, CallbackVariant } from './callback-variant.js';
import type { ControlClient } from './control-client.js';

/** Undoes what `armVariant` did. */
export type Disarm = () => Promise<void>;

/**
 * Tells the emulator what the next payment gets: the variant's settings are patched in and its fault rules
 * added (each fires once). The returned function removes the rules and puts the patched settings back.
 * Rules left by an interrupted earlier run (named `conformance:…`) are removed first.
 */
export async function armVariant(
  control: ControlClient,
  variant: CallbackVariant,
  options: ArrangeOptions,
): Promise<Disarm> {
  for (const rule of await control.rules()) {
    if (rule.name.startsWith('conformance:')) await control.removeRule(rule.id);
  }
  const arrangement = variant.arrange(options);
  // Each variant is a payment of its own: Daraja's rule against the same amount from the same customer
  // within two minutes (result 17) would otherwise end every variant after the first one of a run.
  const patch: SettingsPatch = {
    ...arrangement.settings,
    stk: { ...arrangement.settings?.stk, duplicateWindowSeconds: 0 },
  };
  const before = previousValues(await control.settings(), patch);
  await control.settings(patch);
  const added = arrangement.faults?.length ? await control.addRules(arrangement.faults) : [];
  return async () => {
    for (const rule of added) await control.removeRule(rule.id).catch(() => undefined);
    await control.settings(before);
  };
}

/** The current values of exactly the settings a patch changes. */
function previousValues(current: Settings, patch: SettingsPatch): SettingsPatch {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [section, values] of Object.entries(patch)) {
    const now = current[section as keyof Settings] as unknown as Record<string, unknown>;
    out[section] = Object.fromEntries(Object.keys(values ?? {}).map((k) => [k, now[k]]));
  }
  return out as SettingsPatch;
}
