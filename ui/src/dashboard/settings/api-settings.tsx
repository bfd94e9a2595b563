import { NumberField } from '../number-field';
import type { SectionProps } from './section-props';
import { CheckField, ChoiceField } from './setting-fields';

/** Tokens: lifetime, revocation, unknown apps and the answer to wrong credentials. */
export function OauthSettings({ value: oauth, onChange }: SectionProps<'oauth'>) {
  return (
    <fieldset>
      <legend>OAuth tokens</legend>
      <NumberField
        label="Token lifetime"
        unit="s"
        min={1}
        hint="Daraja: 3600 (it says “3599”)."
        value={oauth.tokenTtlSeconds}
        onChange={(tokenTtlSeconds) => onChange({ tokenTtlSeconds })}
      />
      <CheckField
        label="A new token revokes the app’s previous one"
        value={oauth.revokePrevious}
        onChange={(revokePrevious) => onChange({ revokePrevious })}
      />
      <CheckField
        label="Accept any consumer key and secret, like a fresh sandbox app"
        value={oauth.acceptUnknownApps}
        onChange={(acceptUnknownApps) => onChange({ acceptUnknownApps })}
      />
      <ChoiceField
        label="Wrong key or secret"
        value={oauth.invalidCredentialsBody}
        options={[
          ['empty', '400 with an empty body (Daraja)'],
          ['envelope', '400 with an error envelope'],
        ]}
        onChange={(invalidCredentialsBody) => onChange({ invalidCredentialsBody })}
      />
    </fieldset>
  );
}

/** Answers outside any one API: unknown paths, malformed bodies and the style of identifiers. */
export function HttpAndIdSettings({
  http,
  ids,
  onHttp,
  onIds,
}: {
  http: SectionProps<'http'>['value'];
  ids: SectionProps<'ids'>['value'];
  onHttp: SectionProps<'http'>['onChange'];
  onIds: SectionProps<'ids'>['onChange'];
}) {
  return (
    <fieldset>
      <legend>Paths and identifiers</legend>
      <ChoiceField
        label="Unknown paths"
        value={http.unknownPath}
        options={[
          ['empty', '404 with an empty body (Daraja)'],
          ['envelope', '404 with error 404.001.01'],
        ]}
        onChange={(unknownPath) => onHttp({ unknownPath })}
      />
      <ChoiceField
        label="Malformed JSON bodies"
        value={http.malformedBody}
        options={[
          ['per-api', 'As each API documents it (400.002.05 on C2B and Transaction Status)'],
          ['invalid-payload', '400.002.05 Invalid Request Payload everywhere'],
          ['first-field', 'The first field reported invalid everywhere'],
        ]}
        onChange={(malformedBody) => onHttp({ malformedBody })}
      />
      <ChoiceField
        label="Identifier style"
        value={ids.style}
        options={[
          ['current', 'Current (2024 and later)'],
          ['legacy', 'Legacy (2017 to 2023)'],
        ]}
        onChange={(style) => onIds({ style })}
      />
    </fieldset>
  );
}
