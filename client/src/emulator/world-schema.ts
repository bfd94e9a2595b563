import * as v from 'valibot';
import { isMoney } from './settings/setting.js';

/**
 * The simulated world as a config file, a scenario or `createEmulator({ world })` gives it: apps, shortcodes
 * and customers, each declared once here. The types in world.ts, the emulator's checks of config files and
 * the published JSON Schema come from these. Identifiers may be written as numbers (YAML reads 600984 as
 * one); they become strings.
 */

/** Digits given as a string or a whole number, kept as a string and checked against `pattern`. */
const digits = (pattern: RegExp, message: string, description: string) =>
  v.pipe(
    v.union([v.string(), v.pipe(v.number(), v.integer())], message),
    v.transform(String),
    v.regex(pattern, message),
    v.description(description),
  );

const text = (description: string) =>
  v.pipe(v.string('must be text.'), v.minLength(1, 'must not be empty.'), v.description(description));

export const msisdnSchema = digits(
  /^254\d{9}$/,
  'must be an MSISDN like 254708374149.',
  'The phone number, 2547… or 2541…',
);

export const appConfigSchema = v.strictObject({
  name: text('The app’s name, as the Daraja portal shows it.'),
  consumerKey: text('The consumer key the app sends to /oauth/v1/generate.'),
  consumerSecret: text('The consumer secret (never logged in clear).'),
});

export const SHORTCODE_KINDS = ['paybill', 'till', 'b2c'] as const;

export const shortcodeConfigSchema = v.strictObject({
  shortcode: digits(/^\d{5,7}$/, 'must be 5 to 7 digits.', 'The business shortcode (paybill, till or B2C).'),
  kind: v.pipe(
    v.picklist(SHORTCODE_KINDS, `must be one of ${SHORTCODE_KINDS.join(', ')}.`),
    v.description('What the shortcode is: a paybill, a till (Buy Goods) or a B2C shortcode.'),
  ),
  name: text('The organisation’s name, as customers see it in their SMS.'),
  passkey: v.optional(text('Lipa na M-Pesa Online passkey; STK push needs one.')),
  balances: v.optional(
    v.pipe(
      v.record(
        v.string(),
        v.pipe(
          v.number('must be shillings.'),
          v.check<number, string>(isMoney, 'must be shillings with at most two decimals.'),
        ),
        'must be an object of accounts and their shillings.',
      ),
      v.description('Opening balances per account, in shillings, e.g. { "Utility Account": 100000 }.'),
    ),
  ),
  initiators: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          name: text('The API operator’s username (InitiatorName).'),
          password: text('The operator’s password, encrypted by the app into SecurityCredential.'),
        }),
        'must be a list of { name, password }.',
      ),
      v.description('API operators allowed to initiate requests for this shortcode.'),
    ),
  ),
  externalValidation: v.optional(
    v.pipe(
      v.boolean('must be true or false.'),
      v.description('C2B: payments are first sent to the ValidationURL (Safaricom enables this on request).'),
    ),
  ),
  nominatedNumber: v.optional(
    v.pipe(
      msisdnSchema,
      v.description('Till: the phone of the operator who gets B2B Express Checkout prompts.'),
    ),
  ),
});

export const customerConfigSchema = v.strictObject({
  msisdn: msisdnSchema,
  name: text('The customer’s name, as businesses see it.'),
  pin: digits(/^\d{4}$/, 'must be four digits.', 'The M-PESA PIN the customer types on the phone.'),
  balance: v.pipe(
    v.number('must be shillings.'),
    v.check<number, string>(isMoney, 'must be shillings with at most two decimals.'),
    v.description('The wallet’s opening balance in shillings.'),
  ),
});

export const worldConfigSchema = v.object({
  apps: v.array(appConfigSchema),
  shortcodes: v.array(shortcodeConfigSchema),
  customers: v.array(customerConfigSchema),
});
