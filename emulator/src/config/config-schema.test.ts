import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { schemaProblems } from '../../../test/support/json-schema-check.js';
import { checkConfig, ConfigFileError } from './config-file.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const realistic = {
  $schema: './node_modules/daraja-emulator/schema/emulator.schema.json',
  apps: [{ name: 'shop', consumerKey: 'shopkey', consumerSecret: 'shopsecret' }],
  shortcodes: [
    {
      shortcode: '123456',
      kind: 'paybill',
      name: 'MY SHOP',
      passkey: 'pk',
      balances: { 'Utility Account': 0 },
    },
  ],
  customers: [{ msisdn: '254711000222', name: 'Wanjiru Kamau', pin: '2468', balance: 900 }],
  includeDefaults: true,
  seed: 42,
  clock: 'manual',
  faults: [{ match: { endpoint: 'stk-push' }, effect: { type: 'delay', ms: 500 } }],
  history: { transactions: 20_000 },
  settings: {
    stk: { defaultOutcome: 'accept', callbackDelayMs: 1000, phoneOutcomes: { '254708374149': 1032 } },
    callbacks: { retries: 3, allowHosts: ['shop.test:8080'] },
    initiator: { outcomes: { 'reversal:600984': 'R000001', b2c: 'insufficient-funds' } },
    b2c: { chargeKsh: 12.5 },
    money: { paybillTariff: 'mgao' },
  },
};

describe('the config file’s JSON Schema', () => {
  it('is what scripts/json-schemas.mjs generates from the valibot schemas', () => {
    expect(() =>
      execFileSync(process.execPath, [join(root, 'scripts', 'json-schemas.mjs'), '--check'], {
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });

  it('accepts a realistic config, which the emulator also reads', () => {
    expect(schemaProblems(realistic, 'emulator.schema.json')).toEqual([]);
    expect(() => checkConfig(JSON.stringify(realistic), 'emulator.json', 'json')).not.toThrow();
  });

  it.each([
    [{ colour: 'blue' }, '/colour additionalProperties'],
    [{ clock: 'sundial' }, '/clock enum'],
    [{ apps: {} }, '/apps type'],
    [{ settings: { stk: { defaultOutcome: 'maybe' } } }, '/settings/stk/defaultOutcome anyOf'],
    [{ settings: { stk: { pinTimeout: 5 } } }, '/settings/stk/pinTimeout additionalProperties'],
    [{ settings: { colour: {} } }, '/settings/colour additionalProperties'],
    [{ settings: { callbacks: { retries: 21 } } }, '/settings/callbacks/retries maximum'],
    [{ settings: { oauth: { tokenTtlSeconds: 1.5 } } }, '/settings/oauth/tokenTtlSeconds type'],
    [{ settings: { c2b: { stkOnlyShortcodes: ['12'] } } }, '/settings/c2b/stkOnlyShortcodes/0 pattern'],
    [
      { settings: { initiator: { outcomes: { payroll: 'normal' } } } },
      '/settings/initiator/outcomes pattern',
    ],
    [{ history: { journal: 0 } }, '/history/journal minimum'],
  ])('refuses %j where the emulator would', (wrong, problem) => {
    expect(schemaProblems(wrong, 'emulator.schema.json')).toContain(problem);
  });

  it('lets the emulator refuse the same unknown key', () => {
    expect(() => checkConfig('{"colour":"blue"}', 'emulator.json', 'json')).toThrow(ConfigFileError);
    expect(() => checkConfig('{"colour":"blue"}', 'emulator.json', 'json')).toThrow(
      'Config file emulator.json has an unknown key "colour" (known: settings, apps, shortcodes, customers, includeDefaults, seed, clock, faults, history).',
    );
  });
});
