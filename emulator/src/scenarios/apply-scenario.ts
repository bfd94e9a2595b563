import type { EmulatorControl } from '../control/emulator-control.js';
import type { ConfigFile } from '../config/config-file.js';
import { buildWorld } from '../config/world.js';
import { defaultSettings } from '../config/defaults.js';
import { mergeSettings } from '../config/settings-holder.js';
import { validateSettings } from '../config/validate-settings.js';
import { validateRule } from '../faults/validate-rule.js';

/**
 * Loads a scenario (the `--config` format) into a running emulator: the world it describes (laid over the
 * sandbox defaults unless `includeDefaults: false`), the default settings with its settings on top, and
 * its fault rules; then resets, so that state starts from that world. `seed` and `clock` are start-up
 * choices and are reported as ignored.
 */
export function applyScenario(
  emulator: Pick<EmulatorControl, 'faults' | 'reset' | 'settings' | 'world'>,
  scenario: ConfigFile,
): { ignored: string[] } {
  const settings = mergeSettings(defaultSettings(), scenario.settings ?? {});
  validateSettings(settings);
  const faults = scenario.faults ?? [];
  faults.forEach((rule, i) => validateRule(rule, `faults[${i}]`));
  const world = buildWorld({
    ...(scenario.apps ? { apps: scenario.apps } : {}),
    ...(scenario.shortcodes ? { shortcodes: scenario.shortcodes } : {}),
    ...(scenario.customers ? { customers: scenario.customers } : {}),
    ...(scenario.includeDefaults === false ? { includeDefaults: false } : {}),
  });

  emulator.settings.replace(settings);
  emulator.faults.rules.replace(faults, 'faults');
  Object.assign(emulator.world, world);
  emulator.reset();
  return { ignored: (['seed', 'clock'] as const).filter((key) => scenario[key] !== undefined) };
}
