import { describe, expect, it } from 'vitest';
import { schemaProblems } from '../../../test/support/json-schema-check.js';
import { checkConfig, ConfigFileError } from './config-file.js';

const read = (config: object) => checkConfig(JSON.stringify(config), 'emulator.json', 'json');

describe('the world in a config file', () => {
  it('keeps identifiers written as numbers (as YAML reads them) as strings', () => {
    const config = checkConfig(
      'customers:\n  - { msisdn: 254711000222, name: Wanjiru, pin: 2468, balance: 900 }\nshortcodes:\n  - { shortcode: 600111, kind: till, name: KIOSK }\n',
      'world.yaml',
      'yaml',
    );
    expect(config.customers).toEqual([
      { msisdn: '254711000222', name: 'Wanjiru', pin: '2468', balance: 900 },
    ]);
    expect(config.shortcodes?.[0]?.shortcode).toBe('600111');
  });

  it.each([
    [
      { customers: [{ msisdn: '0711000222', name: 'W', pin: '2468', balance: 1 }] },
      'customers[0].msisdn must be an MSISDN like 254708374149.',
    ],
    [{ customers: [{ msisdn: '254711000222', name: 'W', balance: 1 }] }, 'customers[0].pin is missing.'],
    [
      { customers: [{ msisdn: '254711000222', name: 'W', pin: '12345', balance: 1 }] },
      'customers[0].pin must be four digits.',
    ],
    [
      { customers: [{ msisdn: '254711000222', name: 'W', pin: '1234', balance: 1.001 }] },
      'customers[0].balance must be shillings with at most two decimals.',
      'only the emulator',
    ],
    [
      { shortcodes: [{ shortcode: '600111', kind: 'bank', name: 'X' }] },
      'shortcodes[0].kind must be one of paybill, till, b2c.',
    ],
    [
      { shortcodes: [{ shortcode: '600111', kind: 'paybill', name: 'X', passKey: 'pk' }] },
      'shortcodes[0].passKey is not a known field (known: shortcode, kind, name, passkey, balances, initiators, externalValidation, nominatedNumber).',
    ],
    [
      { shortcodes: [{ shortcode: '600111', kind: 'paybill', name: 'X', initiators: [{ name: 'op' }] }] },
      'shortcodes[0].initiators[0].password is missing.',
    ],
    [{ apps: [{ name: 'shop', consumerKey: 'key' }] }, 'apps[0].consumerSecret is missing.'],
  ])('refuses %j, naming the entry and the field', (config, message, who = 'the JSON Schema too') => {
    expect(() => read(config)).toThrow(ConfigFileError);
    expect(() => read(config)).toThrow(`Config file emulator.json: ${message}`);
    // Money with two decimals is a check JSON Schema has no words for; the emulator alone makes it.
    if (who === 'the JSON Schema too') expect(schemaProblems(config, 'emulator.schema.json')).not.toEqual([]);
  });
});
