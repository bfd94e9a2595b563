import type { SectionProps } from './section-props';
import { SettingFields } from './setting-field';

/** M-Pesa Ratiba: which Frequency codes apply, the approval prompt, and how debits run and are notified. */
export function RatibaSettings(props: SectionProps<'ratiba'>) {
  return (
    <fieldset>
      <legend>M-Pesa Ratiba (standing orders)</legend>
      <SettingFields
        section="ratiba"
        names={['frequencyCodes', 'promptTimeoutMs', 'callbackDelayMs', 'debitNotice', 'debitHourEat']}
        {...props}
      />
    </fieldset>
  );
}

/** Bill Manager: how the payment push is retried and delayed. */
export function BillManagerSettings(props: SectionProps<'billManager'>) {
  return (
    <fieldset>
      <legend>Bill Manager</legend>
      <SettingFields section="billManager" names={['paymentRetries', 'paymentDelayMs']} {...props} />
    </fieldset>
  );
}
