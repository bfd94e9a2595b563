import * as v from 'valibot';
import { choice, flag, list, wholeNumber } from './setting.js';

/** Settings section `callbacks`: how callbacks are delivered, retried and where they may go. */
export const callbacksSettingsSchema = v.object({
  retries: wholeNumber(0, {
    label: 'Retries',
    max: 20,
    hint: 'Daraja makes one attempt only (0).',
    description: 'Extra attempts after a failed delivery. Daraja makes one attempt only.',
  }),
  retryDelayMs: wholeNumber(5_000, {
    label: 'Delay between retries',
    unit: 'ms',
    description: 'Delay between a failed delivery and the next attempt.',
  }),
  timeoutMs: wholeNumber(10_000, {
    label: 'Request timeout',
    unit: 'ms',
    min: 1,
    max: 120_000,
    description: 'Outbound request timeout (real time).',
  }),
  urlPolicy: choice(
    [
      ['sandbox', 'Sandbox: http and localhost allowed'],
      ['production', 'Production: public https URLs only'],
    ],
    'sandbox',
    {
      label: 'Callback URL policy',
      description: '`sandbox` allows http and localhost; `production` requires public https URLs.',
    },
  ),
  allowHosts: list(v.pipe(v.string(), v.minLength(1)), () => [], {
    label: 'Allowed callback hosts',
    hint: 'Host names or host:port, separated by commas; empty allows any.',
    description: 'When not empty, callbacks go only to these host names (or `host:port`).',
  }),
  maxInFlight: wholeNumber(64, {
    label: 'Deliveries in flight at once',
    min: 1,
    description: 'Deliveries in flight at once; the rest wait their turn.',
  }),
  allowLinkLocal: flag(false, {
    label: 'Allow link-local and metadata addresses',
    hint: '169.254.0.0/16 and fd00:ec2::254; refused by default while the emulator listens beyond loopback.',
    description:
      'Link-local and cloud metadata addresses (169.254.0.0/16, fd00:ec2::254) as callback targets. Refused by default when the emulator listens beyond loopback; always allowed on loopback.',
  }),
});
