import * as v from 'valibot';
import { choice, flag, wholeNumber } from './setting.js';

/** Settings section `magic`: magic phone numbers with fixed STK outcomes (see MAGIC_PHONES). */
export const magicSettingsSchema = v.object({
  // Magic numbers are on by default: they are a reserved range.
  enabled: flag(true, {
    label: 'Magic phone numbers decide STK outcomes',
    hint: '254700000000 to 254700009999: see the Faults view for the table.',
  }),
});

/** Settings section `rateLimit`: Apigee's spike arrest, measured on the emulator clock. Off by default. */
export const rateLimitSettingsSchema = v.object({
  tps: wholeNumber(0, {
    label: 'Requests per second',
    max: 1_000_000,
    hint: '0 turns the limit off. Token requests are not counted.',
    description: 'Requests per second allowed; 0 turns the limit off.',
  }),
  scope: choice(
    [
      ['app', 'Per app (token)'],
      ['global', 'For everyone together'],
    ],
    'app',
    { label: 'Count requests', description: 'Count per app (the token’s app) or for everyone together.' },
  ),
  algorithm: choice(
    [
      ['window', 'Window: at most that many in any second'],
      ['smooth', 'Smooth: one every 1000/tps ms (Apigee’s default)'],
    ],
    'window',
    {
      label: 'Limit algorithm',
      description:
        '`window`: at most `tps` in any second; `smooth`: at most one every 1000/tps ms, as Apigee does by default.',
    },
  ),
  status: wholeNumber(500, {
    label: 'HTTP status of a spike arrest',
    min: 400,
    max: 599,
    hint: 'Daraja’s docs say 500; Apigee itself uses 429.',
    description: 'HTTP status of the spike-arrest answer: 500 per Daraja’s docs; Apigee itself uses 429.',
  }),
});
