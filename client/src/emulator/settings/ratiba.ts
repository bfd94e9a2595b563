import * as v from 'valibot';
import { choice, wholeNumber } from './setting.js';

/**
 * Settings section `ratiba`: M-Pesa Ratiba (standing orders), what the emulator cannot learn from Daraja's
 * pages. Defaults: the Aug 2026 page's frequency codes (newer, and what the 2026 sandbox probe and clients
 * send); the STK prompt's 60 s; debits at 08:00 EAT, notified as the customer payments they are.
 */
export const ratibaSettingsSchema = v.object({
  frequencyCodes: choice(
    [
      ['aug-2026', 'Aug 2026 page: 4 bi-weekly, 5 monthly … 9 yearly'],
      ['dec-2025', 'Dec 2025 page: 4 monthly … 8 yearly'],
    ],
    'aug-2026',
    {
      label: 'Frequency codes',
      description:
        'Which published meaning of `Frequency` applies: `aug-2026` (1 one-off, 2 daily, 3 weekly, 4 bi-weekly, 5 monthly, 6 bi-monthly, 7 quarterly, 8 half-yearly, 9 yearly) or `dec-2025` (no bi-weekly: 4 monthly … 8 yearly).',
    },
  ),
  promptTimeoutMs: wholeNumber(60_000, {
    label: 'Approval prompt timeout',
    unit: 'ms',
    min: 1,
    description: 'How long the approval prompt waits for the customer’s PIN.',
  }),
  callbackDelayMs: wholeNumber(0, {
    label: 'Delay before the Ratiba callback',
    unit: 'ms',
    description: 'Delay between the customer’s answer and the callback.',
  }),
  debitNotice: choice(
    [
      ['c2b-confirmation', 'The shortcode’s C2B confirmation URL'],
      ['none', 'Nobody (ledger only)'],
    ],
    'c2b-confirmation',
    {
      label: 'Each debit notifies',
      description:
        'What each scheduled debit sends: `c2b-confirmation` = the receiving shortcode’s C2B confirmation (when it registered URLs), as for any customer payment; `none` = nothing (the debit shows in the ledger only).',
    },
  ),
  debitHourEat: wholeNumber(8, {
    label: 'Debit hour (EAT)',
    max: 23,
    description: 'Hour of the day (EAT) at which a due debit runs.',
  }),
});

/** Settings section `billManager`: what Daraja's pages leave open. */
export const billManagerSettingsSchema = v.object({
  // The portal's "retried up to 5 times"; Daraja's interval is not published.
  paymentRetries: wholeNumber(5, {
    label: 'Payment push retries',
    max: 20,
    hint: 'Extra attempts when the biller does not answer 2xx; the portal says up to 5.',
    description:
      'Extra attempts of a payment push that failed (the portal says up to 5), spaced by callbacks.retryDelayMs.',
  }),
  paymentDelayMs: wholeNumber(0, {
    label: 'Delay before the payment push',
    unit: 'ms',
    description: 'Delay between the customer’s payment and the push to the biller.',
  }),
});
