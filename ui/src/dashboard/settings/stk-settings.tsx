import { settingUi } from 'daraja-client/emulator';
import { useId } from 'react';
import { PhoneOutcomesEditor } from '../phone-outcomes-editor';
import { outcomeLabel, parseOutcome, stkOutcomes } from '../stk-outcomes';
import type { SectionProps } from './section-props';
import { SettingFields } from './setting-field';

/** How prompts are answered, when, and how STK answers are worded. */
export function StkSettings(props: SectionProps<'stk'>) {
  const { value: stk, onChange } = props;
  const id = useId();
  return (
    <fieldset>
      <legend>STK push</legend>
      <div className="field">
        <label htmlFor={`${id}-outcome`}>{settingUi('stk', 'defaultOutcome').label}</label>
        <select
          id={`${id}-outcome`}
          value={String(stk.defaultOutcome)}
          onChange={(e) => onChange({ defaultOutcome: parseOutcome(e.target.value) })}
        >
          {typeof stk.defaultOutcome === 'number' && (
            <option value={stk.defaultOutcome}>{outcomeLabel(stk.defaultOutcome)}</option>
          )}
          {stkOutcomes.map((o) => (
            <option key={o} value={o}>
              {outcomeLabel(o)}
            </option>
          ))}
        </select>
      </div>
      <PhoneOutcomesEditor
        value={stk.phoneOutcomes}
        onChange={(phoneOutcomes) => onChange({ phoneOutcomes })}
      />
      <SettingFields
        section="stk"
        names={[
          'pinTimeoutMs',
          'decisionDelayMs',
          'callbackDelayMs',
          'queryPending',
          'querySpelling',
          'queryCancelledText',
          'wrongCredentialsMessage',
          'timestampMaxSkewSeconds',
          'maxAmount',
          'duplicateWindowSeconds',
          'fractionalAmounts',
        ]}
        {...props}
      />
    </fieldset>
  );
}
