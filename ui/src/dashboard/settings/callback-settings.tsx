import type { SectionProps } from './section-props';
import { SettingFields } from './setting-field';

/** How callbacks are delivered: retries, timeouts, which URLs are allowed. */
export function CallbackSettings(props: SectionProps<'callbacks'>) {
  return (
    <fieldset>
      <legend>Callbacks</legend>
      <SettingFields
        section="callbacks"
        names={[
          'retries',
          'retryDelayMs',
          'timeoutMs',
          'urlPolicy',
          'allowHosts',
          'allowLinkLocal',
          'maxInFlight',
        ]}
        {...props}
      />
    </fieldset>
  );
}
