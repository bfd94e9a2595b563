import type { SectionProps } from './section-props';
import { SettingFields } from './setting-field';

/** C2B: URL registration rules, the validation timeout, MSISDN format and delays. */
export function C2bSettings(props: SectionProps<'c2b'>) {
  return (
    <fieldset>
      <legend>C2B</legend>
      <SettingFields
        section="c2b"
        names={[
          'reRegistration',
          'forbidUrlWords',
          'stkOnlyShortcodes',
          'validationTimeoutMs',
          'msisdnFormat',
          'validationDelayMs',
          'confirmationDelayMs',
        ]}
        {...props}
      />
    </fieldset>
  );
}
