import { NumberField } from '../number-field';
import type { SectionProps } from './section-props';
import { CheckField, ChoiceField, ListField } from './setting-fields';

/** How callbacks are delivered: retries, timeouts, which URLs are allowed. */
export function CallbackSettings({ value: callbacks, onChange }: SectionProps<'callbacks'>) {
  return (
    <fieldset>
      <legend>Callbacks</legend>
      <NumberField
        label="Retries"
        hint="Daraja makes one attempt only (0)."
        value={callbacks.retries}
        onChange={(retries) => onChange({ retries })}
      />
      <NumberField
        label="Delay between retries"
        unit="ms"
        value={callbacks.retryDelayMs}
        onChange={(retryDelayMs) => onChange({ retryDelayMs })}
      />
      <NumberField
        label="Request timeout"
        unit="ms"
        min={1}
        value={callbacks.timeoutMs}
        onChange={(timeoutMs) => onChange({ timeoutMs })}
      />
      <ChoiceField
        label="Callback URL policy"
        value={callbacks.urlPolicy}
        options={[
          ['sandbox', 'Sandbox: http and localhost allowed'],
          ['production', 'Production: public https URLs only'],
        ]}
        onChange={(urlPolicy) => onChange({ urlPolicy })}
      />
      <ListField
        label="Allowed callback hosts"
        hint="Host names or host:port, separated by commas; empty allows any."
        value={callbacks.allowHosts}
        onChange={(allowHosts) => onChange({ allowHosts })}
      />
      <CheckField
        label="Allow link-local and metadata addresses"
        hint="169.254.0.0/16 and fd00:ec2::254; refused by default while the emulator listens beyond loopback."
        value={callbacks.allowLinkLocal}
        onChange={(allowLinkLocal) => onChange({ allowLinkLocal })}
      />
      <NumberField
        label="Deliveries in flight at once"
        min={1}
        value={callbacks.maxInFlight}
        onChange={(maxInFlight) => onChange({ maxInFlight })}
      />
    </fieldset>
  );
}
