import * as v from 'valibot';
import { QUEUE_TIMEOUT_RESULT } from '../../wire/initiator.js';
import { choice, custom, flag, integerSchema, money, plainRecord, text, wholeNumber } from './setting.js';

/** The initiator APIs, as named in outcome keys, journal entries and transactions. */
export const INITIATOR_APIS = [
  'b2c',
  'b2pochi',
  'transaction-status',
  'account-balance',
  'reversal',
  'b2b',
  'tax-remittance',
] as const;
export type InitiatorApi = (typeof INITIATOR_APIS)[number];

/** Named outcomes that can be forced on an initiator request instead of processing it normally. */
export const INITIATOR_OUTCOMES = [
  'normal',
  'initiator-invalid',
  'credential-locked',
  'insufficient-funds',
  'unknown-receipt',
  'already-reversed',
  'duplicate',
  'system-busy',
  'internal-error',
  'not-permitted',
  'queue-timeout',
] as const;

/** A result code as Daraja writes them: a whole number, or upper-case letters, digits and underscores. */
export const resultCodeSchema = v.union([integerSchema, v.pipe(v.string(), v.regex(/^[A-Z0-9_]{1,10}$/))]);

/**
 * A forced outcome: a name above, or any result code (a number such as 2040, or an upper-case code such as
 * "R000001" or "SFC_IC0003"). `queue-timeout` sends the queue-timeout notification instead of a Result.
 */
export const initiatorOutcomeSchema = v.union([v.picklist(INITIATOR_OUTCOMES), resultCodeSchema]);
export type InitiatorOutcome = v.InferOutput<typeof initiatorOutcomeSchema>;

/** An outcome key: `<api>`, `<api>:<shortcode>`, `*` or `*:<shortcode>` (a pattern, so JSON Schema has it too). */
const outcomeKeySchema = v.pipe(
  v.string(),
  v.regex(
    new RegExp(`^(?:\\*|${INITIATOR_APIS.join('|')})(?::\\d{5,12})?$`),
    'An outcome key: <api>[:<shortcode>].',
  ),
);

/** Settings section `initiator`: B2C, B2Pochi, Transaction Status, Account Balance, Reversal, B2B, tax remittance. */
export const initiatorSettingsSchema = v.object({
  resultDelayMs: wholeNumber(0, {
    label: 'Delay before the Result callback',
    unit: 'ms',
    description: 'Delay between the acknowledgement and the Result callback.',
  }),
  queueTimeoutDelayMs: wholeNumber(0, {
    label: 'Delay before a queue-timeout notification',
    unit: 'ms',
    description: 'Delay before the notification to QueueTimeOutURL when a request times out in the queue.',
  }),
  queueTimeoutCode: custom<number | string>(resultCodeSchema, () => QUEUE_TIMEOUT_RESULT.code, {
    label: 'Queue-timeout result code',
    description: 'Result code of the queue-timeout notification (its payload is undocumented).',
  }),
  queueTimeoutDesc: text(QUEUE_TIMEOUT_RESULT.desc, {
    label: 'Queue-timeout result text',
    description: 'Result text of the queue-timeout notification.',
  }),
  outcomes: custom<Record<string, InitiatorOutcome>>(
    plainRecord(outcomeKeySchema, initiatorOutcomeSchema),
    () => ({}),
    {
      label: 'Forced outcomes',
      description:
        'Forced outcomes keyed by `<api>:<shortcode>`, `<api>`, `*:<shortcode>` or `*` (most specific wins), e.g. `{ "b2c": "insufficient-funds", "reversal:600984": "R000001" }`.',
    },
  ),
  singleItemAsObject: flag(true, {
    label: 'Send a one-item ResultParameter list as an object',
    hint: 'Daraja’s XML-to-JSON does this; turn it off to always get a list.',
    description:
      'Daraja’s XML-to-JSON artefact: a one-element ResultParameter / ReferenceItem list is sent as an object.',
  }),
});

/** Settings section `security`: how SecurityCredential is checked and when an initiator locks. */
export const securitySettingsSchema = v.object({
  credentialCheck: choice(
    [
      ['lenient', 'Lenient: any base64 of 256 bytes'],
      ['strict', 'Strict: decrypted and compared with the password'],
    ],
    'lenient',
    {
      label: 'SecurityCredential check',
      description:
        '`lenient`: any SecurityCredential shaped like base64 of 256 bytes (344 characters) is accepted without decryption; `strict`: it is decrypted with the emulator’s private key and compared with the initiator’s password.',
    },
  ),
  lockAfterFailures: wholeNumber(3, {
    label: 'Lock the initiator after wrong credentials',
    hint: 'Strict mode only; 0 never locks.',
    description:
      'Consecutive wrong credentials (strict mode) after which the initiator locks (result 8006); 0 never locks.',
  }),
  certificatePath: text('', {
    label: 'Certificate file (PEM)',
    placeholder: 'generated',
    description: 'PEM file of the emulator’s certificate; empty = generated (and kept beside the data file).',
  }),
  privateKeyPath: text('', {
    label: 'Private key file (PEM)',
    placeholder: 'generated',
    description: 'PEM file of the emulator’s private key; empty = generated (and kept beside the data file).',
  }),
});

/** Settings section `b2c`: amounts, charges, duplicate ids and the order of result parameters. */
export const b2cSettingsSchema = v.object({
  duplicateOriginatorConversationId: choice(
    [
      ['reject', 'Reject with 500.002.1001'],
      ['accept', 'Accept: the first acknowledgement again, no second payment'],
    ],
    'reject',
    {
      label: 'Reused OriginatorConversationID',
      description:
        'A reused v3/B2Pochi OriginatorConversationID: `reject` (500.002.1001) or `accept` (the first ack again, no second payment).',
    },
  ),
  resultKeyOrder: choice(
    [
      ['current', 'Current (2024 docs)'],
      ['2017', '2017 (read by index by some SDKs)'],
    ],
    'current',
    {
      label: 'ResultParameter order',
      description:
        'ResultParameter order: `current` (2024 docs) or `2017` (read by index by Safaricom’s PHP SDK).',
    },
  ),
  minAmount: wholeNumber(10, {
    label: 'Smallest amount',
    unit: 'Ksh',
    min: 1,
    description: 'Smallest amount; below it the result is 2.',
  }),
  maxAmount: wholeNumber(250_000, {
    label: 'Largest amount',
    unit: 'Ksh',
    min: 1,
    description: 'Largest amount; above it the result is 3.',
  }),
  chargeKsh: money(0, {
    label: 'Charge per payment',
    unit: 'Ksh',
    description:
      'Flat charge per payment, debited from the Charges Paid Account (which may go negative, as on Daraja).',
  }),
});
