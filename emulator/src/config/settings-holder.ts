import type { Settings, SettingsPatch } from 'daraja-client/emulator';
import type { EventBus } from '../events/event-bus.js';
import { validateSettings } from './validate-settings.js';

/** The live settings: read by services on every request, changed at runtime through the control API. */
export class SettingsHolder {
  #current: Settings;
  readonly #events: EventBus;

  constructor(initial: Settings, events: EventBus) {
    validateSettings(initial);
    this.#current = initial;
    this.#events = events;
  }

  get current(): Settings {
    return this.#current;
  }

  /** Applies a partial update after validating the result; throws a SettingsError on bad values. */
  update(patch: SettingsPatch): Settings {
    const next = mergeSettings(this.#current, patch);
    validateSettings(next);
    this.#current = next;
    this.#events.emit({ type: 'settings', settings: next });
    return next;
  }

  replace(settings: Settings): void {
    validateSettings(settings);
    this.#current = settings;
    this.#events.emit({ type: 'settings', settings });
  }
}

/** Merges a patch section by section; unknown sections are kept so that validation can name them. */
export function mergeSettings(base: Settings, patch: SettingsPatch): Settings {
  const out = structuredClone(base) as unknown as Record<string, unknown>;
  for (const [section, values] of Object.entries(patch ?? {})) {
    const current = out[section];
    out[section] =
      current && typeof current === 'object' && values && typeof values === 'object' && !Array.isArray(values)
        ? { ...current, ...values }
        : values;
  }
  return out as unknown as Settings;
}
