import { NumberField } from '../number-field';
import type { SectionProps } from './section-props';
import { ChoiceField } from './setting-fields';

/** M-Pesa Ratiba: which Frequency codes apply, the approval prompt, and how debits run and are notified. */
export function RatibaSettings({ value: ratiba, onChange }: SectionProps<'ratiba'>) {
  return (
    <fieldset>
      <legend>M-Pesa Ratiba (standing orders)</legend>
      <ChoiceField
        label="Frequency codes"
        value={ratiba.frequencyCodes}
        options={[
          ['aug-2026', 'Aug 2026 page: 4 bi-weekly, 5 monthly … 9 yearly'],
          ['dec-2025', 'Dec 2025 page: 4 monthly … 8 yearly'],
        ]}
        onChange={(frequencyCodes) => onChange({ frequencyCodes })}
      />
      <NumberField
        label="Approval prompt timeout"
        unit="ms"
        min={1}
        value={ratiba.promptTimeoutMs}
        onChange={(promptTimeoutMs) => onChange({ promptTimeoutMs })}
      />
      <NumberField
        label="Delay before the Ratiba callback"
        unit="ms"
        value={ratiba.callbackDelayMs}
        onChange={(callbackDelayMs) => onChange({ callbackDelayMs })}
      />
      <ChoiceField
        label="Each debit notifies"
        value={ratiba.debitNotice}
        options={[
          ['c2b-confirmation', 'The shortcode’s C2B confirmation URL'],
          ['none', 'Nobody (ledger only)'],
        ]}
        onChange={(debitNotice) => onChange({ debitNotice })}
      />
      <NumberField
        label="Debit hour (EAT)"
        min={0}
        value={ratiba.debitHourEat}
        onChange={(debitHourEat) => onChange({ debitHourEat })}
      />
    </fieldset>
  );
}

/** Bill Manager: how the payment push is retried and delayed. */
export function BillManagerSettings({ value: bills, onChange }: SectionProps<'billManager'>) {
  return (
    <fieldset>
      <legend>Bill Manager</legend>
      <NumberField
        label="Payment push retries"
        min={0}
        hint="Extra attempts when the biller does not answer 2xx; the portal says up to 5."
        value={bills.paymentRetries}
        onChange={(paymentRetries) => onChange({ paymentRetries })}
      />
      <NumberField
        label="Delay before the payment push"
        unit="ms"
        value={bills.paymentDelayMs}
        onChange={(paymentDelayMs) => onChange({ paymentDelayMs })}
      />
    </fieldset>
  );
}
