import type { SectionProps } from './section-props';
import { SettingFields } from './setting-field';

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
      <SettingFields section="magic" names={['enabled']} value={magic} onChange={onMagic} />
      <SettingFields
        section="rateLimit"
        names={['tps', 'scope', 'algorithm', 'status']}
        value={rateLimit}
        onChange={onRateLimit}
      />
    </fieldset>
  );
}
