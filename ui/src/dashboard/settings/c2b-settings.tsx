import { NumberField } from '../number-field';
import type { SectionProps } from './section-props';
import { CheckField, ChoiceField, ListField } from './setting-fields';

/** C2B: URL registration rules, the validation timeout, MSISDN format and delays. */
export function C2bSettings({ value: c2b, onChange }: SectionProps<'c2b'>) {
  return (
    <fieldset>
      <legend>C2B</legend>
      <ChoiceField
        label="Registering URLs again"
        value={c2b.reRegistration}
        options={[
          ['allow', 'Allow (sandbox)'],
          ['reject', 'Reject: “Urls are already registered.” (production)'],
        ]}
        onChange={(reRegistration) => onChange({ reRegistration })}
      />
      <CheckField
        label="Refuse URLs containing M-PESA, Safaricom, exe, cmd, sql or query"
        value={c2b.forbidUrlWords}
        onChange={(forbidUrlWords) => onChange({ forbidUrlWords })}
      />
      <ListField
        label="STK-only shortcodes"
        hint="They cannot register C2B URLs, like the sandbox’s 174379."
        value={c2b.stkOnlyShortcodes}
        onChange={(stkOnlyShortcodes) => onChange({ stkOnlyShortcodes })}
      />
      <NumberField
        label="Validation URL timeout"
        unit="ms"
        min={1}
        hint="Then the registered ResponseType decides. Daraja: about 8 s."
        value={c2b.validationTimeoutMs}
        onChange={(validationTimeoutMs) => onChange({ validationTimeoutMs })}
      />
      <ChoiceField
        label="MSISDN in notifications"
        value={c2b.msisdnFormat}
        options={[
          ['auto', 'Auto: hashed for v1 registrations, masked for v2'],
          ['hashed', 'SHA-256 hash'],
          ['masked', 'Masked (2547 ***** 126)'],
          ['plain', 'Plain'],
        ]}
        onChange={(msisdnFormat) => onChange({ msisdnFormat })}
      />
      <NumberField
        label="Delay before validation"
        unit="ms"
        value={c2b.validationDelayMs}
        onChange={(validationDelayMs) => onChange({ validationDelayMs })}
      />
      <NumberField
        label="Delay before confirmation"
        unit="ms"
        value={c2b.confirmationDelayMs}
        onChange={(confirmationDelayMs) => onChange({ confirmationDelayMs })}
      />
    </fieldset>
  );
}
