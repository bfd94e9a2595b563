import { useId } from 'react';
import { NumberField } from '../number-field';
import { PhoneOutcomesEditor } from '../phone-outcomes-editor';
import { outcomeLabel, parseOutcome, stkOutcomes } from '../stk-outcomes';
import type { SectionProps } from './section-props';
import { ChoiceField } from './setting-fields';

/** How prompts are answered, when, and how STK answers are worded. */
export function StkSettings({ value: stk, onChange }: SectionProps<'stk'>) {
  const id = useId();
  return (
    <fieldset>
      <legend>STK push</legend>
      <div className="field">
        <label htmlFor={`${id}-outcome`}>When a prompt arrives</label>
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
      <NumberField
        label="PIN timeout"
        unit="ms"
        min={1}
        value={stk.pinTimeoutMs}
        onChange={(pinTimeoutMs) => onChange({ pinTimeoutMs })}
      />
      <NumberField
        label="Delay before an automatic answer"
        unit="ms"
        value={stk.decisionDelayMs}
        onChange={(decisionDelayMs) => onChange({ decisionDelayMs })}
      />
      <NumberField
        label="Delay before the callback"
        unit="ms"
        value={stk.callbackDelayMs}
        onChange={(callbackDelayMs) => onChange({ callbackDelayMs })}
      />
      <ChoiceField
        label="STK query while pending"
        value={stk.queryPending}
        options={[
          ['current', 'Current: 200 with ResultCode 4999'],
          ['legacy', 'Legacy: 500.001.1001 “being processed”'],
        ]}
        onChange={(queryPending) => onChange({ queryPending })}
      />
      <ChoiceField
        label="STK query success text"
        value={stk.querySpelling}
        options={[
          ['successsfully', '“processed successsfully” (three s, most captures)'],
          ['successfully', '“processed successfully” (one 2026 capture)'],
        ]}
        onChange={(querySpelling) => onChange({ querySpelling })}
      />
      <ChoiceField
        label="STK query text for a cancelled prompt (1032)"
        value={stk.queryCancelledText}
        options={[
          ['current', '“Request Cancelled by user.” (2026 query)'],
          ['portal', '“Request cancelled by user” (portal sample)'],
          ['legacy', '“[STK_CB - ]Request cancelled by user” (2017 to 2019)'],
        ]}
        onChange={(queryCancelledText) => onChange({ queryCancelledText })}
      />
      <ChoiceField
        label="Wrong password message"
        value={stk.wrongCredentialsMessage}
        options={[
          ['current', 'Current: “[MerchantValidate] - Wrong credentials”'],
          ['legacy', 'Legacy: “Wrong credentials”'],
        ]}
        onChange={(wrongCredentialsMessage) => onChange({ wrongCredentialsMessage })}
      />
      <NumberField
        label="Largest Timestamp skew"
        unit="s"
        hint="0 accepts any Timestamp, as Daraja does."
        value={stk.timestampMaxSkewSeconds}
        onChange={(timestampMaxSkewSeconds) => onChange({ timestampMaxSkewSeconds })}
      />
      <NumberField
        label="Largest amount"
        unit="Ksh"
        min={1}
        hint="Larger amounts end with result 3."
        value={stk.maxAmount}
        onChange={(maxAmount) => onChange({ maxAmount })}
      />
      <NumberField
        label="Same payment again within"
        unit="s"
        hint="The same amount from the same customer to the same shortcode within this window ends with result 17 Rule limited. 0 turns the rule off."
        value={stk.duplicateWindowSeconds}
        onChange={(duplicateWindowSeconds) => onChange({ duplicateWindowSeconds })}
      />
      <ChoiceField
        label="Amounts with cents"
        value={stk.fractionalAmounts}
        options={[
          ['reject', 'Reject as Invalid Amount'],
          ['truncate', 'Truncate to whole shillings'],
        ]}
        onChange={(fractionalAmounts) => onChange({ fractionalAmounts })}
      />
    </fieldset>
  );
}
