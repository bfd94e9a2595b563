import { settingUi, type Settings } from 'daraja-client/emulator';
import { NumberField } from '../number-field';
import type { SectionProps } from './section-props';
import { CheckField, ChoiceField, ListField, TextField } from './setting-fields';

type Key<S extends keyof Settings> = keyof Settings[S] & string;

/**
 * One setting's field, drawn from its declaration in the settings schema: the label, hint, unit, lowest value
 * and choices are the schema's, so a setting's words live in one place. Settings with their own editor
 * (`custom`) are not drawn here.
 */
export function SettingField<S extends keyof Settings>({
  section,
  name,
  value,
  onChange,
}: SectionProps<S> & { section: S; name: Key<S> }) {
  const ui = settingUi(section, name);
  const current = value[name] as unknown;
  const set = (next: unknown) => onChange({ [name]: next } as Partial<Settings[S]>);
  const words = { label: ui.label, hint: ui.hint };
  switch (ui.kind) {
    case 'number':
    case 'money':
      return (
        <NumberField
          {...words}
          unit={ui.unit}
          min={ui.min}
          step={ui.kind === 'money' ? 'any' : undefined}
          value={current as number}
          onChange={set}
        />
      );
    case 'choice':
      return <ChoiceField {...words} options={ui.options ?? []} value={current as string} onChange={set} />;
    case 'flag':
      return <CheckField {...words} value={current as boolean} onChange={set} />;
    case 'text':
      return <TextField {...words} placeholder={ui.placeholder} value={current as string} onChange={set} />;
    case 'list':
      return <ListField {...words} value={current as string[]} onChange={set} />;
    case 'custom':
      throw new Error(`Setting "${section}.${name}" has its own editor.`);
  }
}

/** Several settings of one section, in the order given. */
export function SettingFields<S extends keyof Settings>({
  section,
  names,
  value,
  onChange,
}: SectionProps<S> & { section: S; names: readonly Key<S>[] }) {
  return names.map((name) => (
    <SettingField key={name} section={section} name={name} value={value} onChange={onChange} />
  ));
}
