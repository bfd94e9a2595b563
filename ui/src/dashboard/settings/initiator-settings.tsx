import { NumberField } from '../number-field';
import { InitiatorOutcomesEditor } from './initiator-outcomes-editor';
import type { SectionProps } from './section-props';
import { CheckField, ChoiceField, TextField } from './setting-fields';

/** B2C, B2Pochi, Transaction Status, Account Balance and Reversal: results, forced outcomes, queue timeouts. */
export function InitiatorSettings({ value: initiator, onChange }: SectionProps<'initiator'>) {
  return (
    <fieldset>
      <legend>Initiator APIs</legend>
      <NumberField
        label="Delay before the Result callback"
        unit="ms"
        value={initiator.resultDelayMs}
        onChange={(resultDelayMs) => onChange({ resultDelayMs })}
      />
      <InitiatorOutcomesEditor value={initiator.outcomes} onChange={(outcomes) => onChange({ outcomes })} />
      <NumberField
        label="Delay before a queue-timeout notification"
        unit="ms"
        value={initiator.queueTimeoutDelayMs}
        onChange={(queueTimeoutDelayMs) => onChange({ queueTimeoutDelayMs })}
      />
      <TextField
        label="Queue-timeout result code"
        value={String(initiator.queueTimeoutCode)}
        onChange={(code) => onChange({ queueTimeoutCode: /^\d+$/.test(code) ? Number(code) : code })}
      />
      <TextField
        label="Queue-timeout result text"
        value={initiator.queueTimeoutDesc}
        onChange={(queueTimeoutDesc) => onChange({ queueTimeoutDesc })}
      />
      <CheckField
        label="Send a one-item ResultParameter list as an object"
        hint="Daraja’s XML-to-JSON does this; turn it off to always get a list."
        value={initiator.singleItemAsObject}
        onChange={(singleItemAsObject) => onChange({ singleItemAsObject })}
      />
    </fieldset>
  );
}

/** How SecurityCredential is checked and when an initiator locks. */
export function SecuritySettings({ value: security, onChange }: SectionProps<'security'>) {
  return (
    <fieldset>
      <legend>Security credential</legend>
      <ChoiceField
        label="SecurityCredential check"
        value={security.credentialCheck}
        options={[
          ['lenient', 'Lenient: any base64 of 256 bytes'],
          ['strict', 'Strict: decrypted and compared with the password'],
        ]}
        onChange={(credentialCheck) => onChange({ credentialCheck })}
      />
      <NumberField
        label="Lock the initiator after wrong credentials"
        hint="Strict mode only; 0 never locks."
        value={security.lockAfterFailures}
        onChange={(lockAfterFailures) => onChange({ lockAfterFailures })}
      />
      <TextField
        label="Certificate file (PEM)"
        placeholder="generated"
        value={security.certificatePath}
        onChange={(certificatePath) => onChange({ certificatePath })}
      />
      <TextField
        label="Private key file (PEM)"
        placeholder="generated"
        value={security.privateKeyPath}
        onChange={(privateKeyPath) => onChange({ privateKeyPath })}
      />
    </fieldset>
  );
}

/** B2C amounts, charges, duplicate ids and the order of result parameters. */
export function B2cSettings({ value: b2c, onChange }: SectionProps<'b2c'>) {
  return (
    <fieldset>
      <legend>B2C</legend>
      <NumberField
        label="Smallest amount"
        unit="Ksh"
        min={1}
        value={b2c.minAmount}
        onChange={(minAmount) => onChange({ minAmount })}
      />
      <NumberField
        label="Largest amount"
        unit="Ksh"
        min={1}
        value={b2c.maxAmount}
        onChange={(maxAmount) => onChange({ maxAmount })}
      />
      <NumberField
        label="Charge per payment"
        unit="Ksh"
        step="any"
        value={b2c.chargeKsh}
        onChange={(chargeKsh) => onChange({ chargeKsh })}
      />
      <ChoiceField
        label="Reused OriginatorConversationID"
        value={b2c.duplicateOriginatorConversationId}
        options={[
          ['reject', 'Reject with 500.002.1001'],
          ['accept', 'Accept: the first acknowledgement again, no second payment'],
        ]}
        onChange={(duplicateOriginatorConversationId) => onChange({ duplicateOriginatorConversationId })}
      />
      <ChoiceField
        label="ResultParameter order"
        value={b2c.resultKeyOrder}
        options={[
          ['current', 'Current (2024 docs)'],
          ['2017', '2017 (read by index by some SDKs)'],
        ]}
        onChange={(resultKeyOrder) => onChange({ resultKeyOrder })}
      />
    </fieldset>
  );
}
