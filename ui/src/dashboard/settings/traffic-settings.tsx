import { NumberField } from '../number-field';
import type { SectionProps } from './section-props';
import { CheckField, ChoiceField } from './setting-fields';

/** Magic phone numbers and Apigee's spike arrest: misbehaviour that needs no fault rule. */
export function TrafficSettings({
  magic,
  rateLimit,
  onMagic,
  onRateLimit,
}: {
  magic: SectionProps<'magic'>['value'];
  rateLimit: SectionProps<'rateLimit'>['value'];
  onMagic: SectionProps<'magic'>['onChange'];
  onRateLimit: SectionProps<'rateLimit'>['onChange'];
}) {
  return (
    <fieldset>
      <legend>Magic numbers and rate limit</legend>
      <CheckField
        label="Magic phone numbers decide STK outcomes"
        hint="254700000000 to 254700009999: see the Faults view for the table."
        value={magic.enabled}
        onChange={(enabled) => onMagic({ enabled })}
      />
      <NumberField
        label="Requests per second"
        hint="0 turns the limit off. Token requests are not counted."
        value={rateLimit.tps}
        onChange={(tps) => onRateLimit({ tps })}
      />
      <ChoiceField
        label="Count requests"
        value={rateLimit.scope}
        options={[
          ['app', 'Per app (token)'],
          ['global', 'For everyone together'],
        ]}
        onChange={(scope) => onRateLimit({ scope })}
      />
      <ChoiceField
        label="Limit algorithm"
        value={rateLimit.algorithm}
        options={[
          ['window', 'Window: at most that many in any second'],
          ['smooth', 'Smooth: one every 1000/tps ms (Apigee’s default)'],
        ]}
        onChange={(algorithm) => onRateLimit({ algorithm })}
      />
      <NumberField
        label="HTTP status of a spike arrest"
        min={400}
        hint="Daraja’s docs say 500; Apigee itself uses 429."
        value={rateLimit.status}
        onChange={(status) => onRateLimit({ status })}
      />
    </fieldset>
  );
}
