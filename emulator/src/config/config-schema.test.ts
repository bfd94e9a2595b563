import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkConfig, ConfigFileError } from './config-file.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const schemaPath = join(root, 'emulator', 'schema', 'emulator.schema.json');

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
}

const typeOf = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'number' && Number.isInteger(value)
        ? 'integer'
        : typeof value;

/** The JSON Schema keywords the generated document uses, enough to say where a value breaks it. */
function problems(schema: JsonSchema, value: unknown, at = '$'): string[] {
  if (schema.anyOf) {
    return schema.anyOf.some((option) => problems(option, value, at).length === 0)
      ? []
      : [`${at}: no option fits`];
  }
  const type = typeOf(value);
  if (schema.type && schema.type !== type && !(schema.type === 'number' && type === 'integer')) {
    return [`${at}: ${type}, not ${schema.type}`];
  }
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} is not listed`];
  const found: string[] = [];
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) found.push(`${at}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) found.push(`${at}: above ${schema.maximum}`);
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) found.push(`${at}: too short`);
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) found.push(`${at}: pattern`);
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => found.push(...problems(schema.items!, item, `${at}[${i}]`)));
  }
  if (type === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in object)) found.push(`${at}.${key}: missing`);
    for (const [key, item] of Object.entries(object)) {
      if (schema.propertyNames) found.push(...problems(schema.propertyNames, key, `${at}[key ${key}]`));
      const declared = schema.properties?.[key];
      if (declared) found.push(...problems(declared, item, `${at}.${key}`));
      else if (schema.additionalProperties === false) found.push(`${at}.${key}: not allowed`);
      else if (typeof schema.additionalProperties === 'object') {
        found.push(...problems(schema.additionalProperties, item, `${at}.${key}`));
      }
    }
  }
  return found;
}

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
  faults: [{ match: { api: 'stk-push' }, effect: { kind: 'delay', ms: 500 } }],
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
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as JsonSchema;

  it('is what scripts/json-schemas.mjs generates from the valibot schemas', () => {
    expect(() =>
      execFileSync(process.execPath, [join(root, 'scripts', 'json-schemas.mjs'), '--check'], {
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });

  it('accepts a realistic config, which the emulator also reads', () => {
    expect(problems(schema, realistic)).toEqual([]);
    expect(() => checkConfig(JSON.stringify(realistic), 'emulator.json', 'json')).not.toThrow();
  });

  it.each([
    [{ colour: 'blue' }, '$.colour: not allowed'],
    [{ clock: 'sundial' }, '$.clock: "sundial" is not listed'],
    [{ apps: {} }, '$.apps: object, not array'],
    [{ settings: { stk: { defaultOutcome: 'maybe' } } }, '$.settings.stk.defaultOutcome: no option fits'],
    [{ settings: { stk: { pinTimeout: 5 } } }, '$.settings.stk.pinTimeout: not allowed'],
    [{ settings: { colour: {} } }, '$.settings.colour: not allowed'],
    [{ settings: { callbacks: { retries: 21 } } }, '$.settings.callbacks.retries: above 20'],
    [
      { settings: { oauth: { tokenTtlSeconds: 1.5 } } },
      '$.settings.oauth.tokenTtlSeconds: number, not integer',
    ],
    [{ settings: { c2b: { stkOnlyShortcodes: ['12'] } } }, '$.settings.c2b.stkOnlyShortcodes[0]: pattern'],
    [
      { settings: { initiator: { outcomes: { payroll: 'normal' } } } },
      '$.settings.initiator.outcomes[key payroll]: pattern',
    ],
    [{ history: { journal: 0 } }, '$.history.journal: below 1'],
  ])('refuses %j where the emulator would', (wrong, problem) => {
    expect(problems(schema, wrong)).toContain(problem);
  });

  it('lets the emulator refuse the same unknown key', () => {
    expect(() => checkConfig('{"colour":"blue"}', 'emulator.json', 'json')).toThrow(ConfigFileError);
    expect(() => checkConfig('{"colour":"blue"}', 'emulator.json', 'json')).toThrow(
      'Config file emulator.json has an unknown key "colour" (known: settings, apps, shortcodes, customers, includeDefaults, seed, clock, faults, history).',
    );
  });
});
