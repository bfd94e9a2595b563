import * as v from 'valibot';
import { choice, flag, list, wholeNumber } from './setting.js';

/** Settings section `c2b`: URL registration rules, the validation timeout, MSISDN format and delays. */
export const c2bSettingsSchema = v.object({
  reRegistration: choice(
    [
      ['allow', 'Allow (sandbox)'],
      ['reject', 'Reject: “Urls are already registered.” (production)'],
    ],
    'allow',
    {
      label: 'Registering URLs again',
      description:
        'Registering URLs again for a shortcode: `allow` (sandbox) or `reject` with "Urls are already registered." (production).',
    },
  ),
  forbidUrlWords: flag(true, {
    label: 'Refuse URLs containing M-PESA, Safaricom, exe, cmd, sql or query',
    description:
      'Refuse C2B URLs containing M-PESA, mpesa, Safaricom, exe, exec, cmd, sql or query, as Daraja’s docs say.',
  }),
  // The sandbox's STK test shortcode.
  stkOnlyShortcodes: list(v.pipe(v.string(), v.regex(/^\d{5,7}$/)), () => ['174379'], {
    label: 'STK-only shortcodes',
    hint: 'They cannot register C2B URLs, like the sandbox’s 174379.',
    description: 'Shortcodes that take STK pushes only and cannot register C2B URLs (the sandbox’s 174379).',
  }),
  validationTimeoutMs: wholeNumber(8_000, {
    label: 'Validation URL timeout',
    unit: 'ms',
    min: 1,
    max: 120_000,
    hint: 'Then the registered ResponseType decides. Daraja: about 8 s.',
    description:
      'How long a ValidationURL has to answer before the registered ResponseType decides. Daraja: about 8 s.',
  }),
  msisdnFormat: choice(
    [
      ['auto', 'Auto: hashed for v1 registrations, masked for v2'],
      ['hashed', 'SHA-256 hash'],
      ['masked', 'Masked (2547 ***** 126)'],
      ['plain', 'Plain'],
    ],
    'auto',
    {
      label: 'MSISDN in notifications',
      description:
        'MSISDN in notifications: `auto` = SHA-256 hash for v1 registrations, `2547 ***** 126` for v2.',
    },
  ),
  validationDelayMs: wholeNumber(0, {
    label: 'Delay before validation',
    unit: 'ms',
    description: 'Delay between the payment and the validation request.',
  }),
  confirmationDelayMs: wholeNumber(0, {
    label: 'Delay before confirmation',
    unit: 'ms',
    description: 'Delay between the money moving and the confirmation.',
  }),
});
