import * as v from 'valibot';
import { choice, flag, wholeNumber } from './setting.js';

/** Settings section `oauth`: tokens. */
export const oauthSettingsSchema = v.object({
  tokenTtlSeconds: wholeNumber(3600, {
    label: 'Token lifetime',
    unit: 's',
    min: 1,
    hint: 'Daraja: 3600 (it says “3599”).',
    description: 'Token lifetime on the emulator clock. Daraja: 3600 s (it says "3599").',
  }),
  revokePrevious: flag(false, {
    label: 'A new token revokes the app’s previous one',
    description: 'A new token revokes the app’s previous one (Daraja’s FAQ says so; unconfirmed).',
  }),
  invalidCredentialsBody: choice(
    [
      ['empty', '400 with an empty body (Daraja)'],
      ['envelope', '400 with an error envelope'],
    ],
    'empty',
    {
      label: 'Wrong key or secret',
      description:
        'Wrong key or secret: Daraja answers 400 with an empty body; `envelope` sends an error envelope.',
    },
  ),
  acceptUnknownApps: flag(true, {
    label: 'Accept any consumer key and secret, like a fresh sandbox app',
    description: 'Accept any consumer key and secret not configured as an app, like a fresh sandbox app.',
  }),
});
