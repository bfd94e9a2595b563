import { settingUi } from 'daraja-client/emulator';
import { InitiatorOutcomesEditor } from './initiator-outcomes-editor';
import type { SectionProps } from './section-props';
import { SettingField, SettingFields } from './setting-field';
import { TextField } from './setting-fields';

/** B2C, B2Pochi, Transaction Status, Account Balance and Reversal: results, forced outcomes, queue timeouts. */
export function InitiatorSettings(props: SectionProps<'initiator'>) {
  const { value: initiator, onChange } = props;
  return (
    <fieldset>
      <legend>Initiator APIs</legend>
      <SettingField section="initiator" name="resultDelayMs" {...props} />
      <InitiatorOutcomesEditor value={initiator.outcomes} onChange={(outcomes) => onChange({ outcomes })} />
      <SettingField section="initiator" name="queueTimeoutDelayMs" {...props} />
      <TextField
        label={settingUi('initiator', 'queueTimeoutCode').label}
        value={String(initiator.queueTimeoutCode)}
        onChange={(code) => onChange({ queueTimeoutCode: /^\d+$/.test(code) ? Number(code) : code })}
      />
      <SettingFields section="initiator" names={['queueTimeoutDesc', 'singleItemAsObject']} {...props} />
    </fieldset>
  );
}

/** How SecurityCredential is checked and when an initiator locks. */
export function SecuritySettings(props: SectionProps<'security'>) {
  return (
    <fieldset>
      <legend>Security credential</legend>
      <SettingFields
        section="security"
        names={['credentialCheck', 'lockAfterFailures', 'certificatePath', 'privateKeyPath']}
        {...props}
      />
    </fieldset>
  );
}

/** B2C amounts, charges, duplicate ids and the order of result parameters. */
export function B2cSettings(props: SectionProps<'b2c'>) {
  return (
    <fieldset>
      <legend>B2C</legend>
      <SettingFields
        section="b2c"
        names={['minAmount', 'maxAmount', 'chargeKsh', 'duplicateOriginatorConversationId', 'resultKeyOrder']}
        {...props}
      />
    </fieldset>
  );
}
