import type { SectionProps } from './section-props';
import { SettingFields } from './setting-field';

/** Tokens: lifetime, revocation, unknown apps and the answer to wrong credentials. */
export function OauthSettings(props: SectionProps<'oauth'>) {
  return (
    <fieldset>
      <legend>OAuth tokens</legend>
      <SettingFields
        section="oauth"
        names={['tokenTtlSeconds', 'revokePrevious', 'acceptUnknownApps', 'invalidCredentialsBody']}
        {...props}
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
      <SettingFields section="http" names={['unknownPath', 'malformedBody']} value={http} onChange={onHttp} />
      <SettingFields section="ids" names={['style']} value={ids} onChange={onIds} />
    </fieldset>
  );
}
