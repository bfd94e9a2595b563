import type { Settings } from 'daraja-client/emulator';

/** A fieldset editing one settings section: it shows `value` and reports each change as a partial patch. */
export interface SectionProps<K extends keyof Settings> {
  value: Settings[K];
  onChange: (patch: Partial<Settings[K]>) => void;
}
