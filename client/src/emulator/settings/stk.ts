import * as v from 'valibot';
import { choice, custom, integerSchema, plainRecord, wholeNumber } from './setting.js';

/** The named outcomes of an STK prompt nobody taps, with the dashboard's words for each. */
export const STK_OUTCOME_OPTIONS = [
  ['wait', 'Wait for someone to answer on the phone'],
  ['accept', 'Accept (correct PIN)'],
  ['decline', 'Cancel (1032)'],
  ['timeout', 'Time out (1037)'],
  ['wrong-pin', 'Wrong PIN (2001)'],
  ['insufficient-funds', 'Insufficient funds (1)'],
  ['offline', 'Phone unreachable'],
] as const;

/** The named outcomes of an STK prompt nobody taps (see StkOutcome). */
export const STK_OUTCOMES: readonly (typeof STK_OUTCOME_OPTIONS)[number][0][] = STK_OUTCOME_OPTIONS.map(
  ([name]) => name,
);

/**
 * What an STK prompt does when nobody taps the phone: wait for a person (until the PIN timeout), or decide
 * by itself. A number is any STK result code (see `StkResult`).
 */
export const stkOutcomeSchema = v.union([v.picklist(STK_OUTCOMES), integerSchema]);

/** Settings section `stk`: how prompts are answered, when, and how STK answers are worded. */
export const stkSettingsSchema = v.object({
  defaultOutcome: custom(
    stkOutcomeSchema,
    () => 'wait' as const,
    {
      label: 'When a prompt arrives',
      description: 'What a prompt does when nobody taps the phone: a named outcome or any STK result code.',
    },
    STK_OUTCOME_OPTIONS,
  ),
  phoneOutcomes: custom(plainRecord(v.string(), stkOutcomeSchema), () => ({}), {
    label: 'Automatic answers per phone',
    description: 'Outcome per MSISDN (`2547…`), over the default.',
  }),
  pinTimeoutMs: wholeNumber(60_000, {
    label: 'PIN timeout',
    unit: 'ms',
    description: 'How long a prompt waits for the PIN.',
  }),
  decisionDelayMs: wholeNumber(0, {
    label: 'Delay before an automatic answer',
    unit: 'ms',
    description: 'Delay before an automatic decision.',
  }),
  callbackDelayMs: wholeNumber(0, {
    label: 'Delay before the callback',
    unit: 'ms',
    description: 'Delay between the decision and the callback.',
  }),
  queryPending: choice(
    [
      ['current', 'Current: 200 with ResultCode 4999'],
      ['legacy', 'Legacy: 500.001.1001 “being processed”'],
    ],
    'current',
    {
      label: 'STK query while pending',
      description:
        'Query while pending: `current` = 200 with ResultCode "4999"; `legacy` = 500.001.1001 "being processed".',
    },
  ),
  querySpelling: choice(
    [
      ['successsfully', '“processed successsfully” (three s, most captures)'],
      ['successfully', '“processed successfully” (one 2026 capture)'],
    ],
    'successsfully',
    {
      label: 'STK query success text',
      description: '`successsfully` (three s, most captures) or `successfully` (one 2026 capture).',
    },
  ),
  wrongCredentialsMessage: choice(
    [
      ['current', 'Current: “[MerchantValidate] - Wrong credentials”'],
      ['legacy', 'Legacy: “Wrong credentials”'],
    ],
    'current',
    {
      label: 'Wrong password message',
      description: '`current` = "[MerchantValidate] - Wrong credentials"; `legacy` = "Wrong credentials".',
    },
  ),
  timestampMaxSkewSeconds: wholeNumber(0, {
    label: 'Largest Timestamp skew',
    unit: 's',
    hint: '0 accepts any Timestamp, as Daraja does.',
    description:
      'Reject Timestamps further than this from the emulator clock; 0 turns the check off (Daraja’s behaviour).',
  }),
  maxAmount: wholeNumber(250_000, {
    label: 'Largest amount',
    unit: 'Ksh',
    min: 1,
    hint: 'Larger amounts end with result 3.',
    description: 'Largest accepted amount; larger answers result 3.',
  }),
  fractionalAmounts: choice(
    [
      ['reject', 'Reject as Invalid Amount'],
      ['truncate', 'Truncate to whole shillings'],
    ],
    'reject',
    {
      label: 'Amounts with cents',
      description:
        'Amounts with a fractional part: rejected as Invalid Amount, or truncated to whole shillings.',
    },
  ),
  // SPEC 3.4 and 15: the portal documents result 17 for the same amount within about 2 minutes.
  duplicateWindowSeconds: wholeNumber(120, {
    label: 'Same payment again within',
    unit: 's',
    hint: 'The same amount from the same customer to the same shortcode within this window ends with result 17 Rule limited. 0 turns the rule off.',
    description:
      'A payment of the same amount from the same customer to the same shortcode within this many seconds of the last one ends with result 17 "Rule limited."; 0 turns the rule off. Daraja’s docs: about 2 minutes.',
  }),
  queryCancelledText: choice(
    [
      ['current', '“Request Cancelled by user.” (2026 query)'],
      ['portal', '“Request cancelled by user” (portal sample)'],
      ['legacy', '“[STK_CB - ]Request cancelled by user” (2017 to 2019)'],
    ],
    'current',
    {
      label: 'STK query text for a cancelled prompt (1032)',
      description:
        'The query’s text for result 1032: `current` = "Request Cancelled by user." (2026 sandbox query), `portal` = "Request cancelled by user" (the portal’s sample), `legacy` = "[STK_CB - ]Request cancelled by user" (2017-2019).',
    },
  ),
});
