import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { readConfigFile } from '../../emulator/src/config/config-file.js';
import { repoRoot } from '../support/captures.js';
import { password, eat, post, stkBody, token } from '../support/daraja-requests.js';
import { Emulator } from '../../emulator/src/internals.js';

const SHOP_PASSKEY = 'a'.repeat(64);

const SCENARIO = {
  apps: [{ name: 'shop', consumerKey: 'shopkey', consumerSecret: 'shopsecret' }],
  shortcodes: [
    {
      shortcode: '555555',
      kind: 'paybill',
      name: 'SHOP LTD',
      passkey: SHOP_PASSKEY,
      balances: { 'Utility Account': 1200 },
    },
  ],
  customers: [{ msisdn: '254711000111', name: 'Wanjiru', pin: '4321', balance: 75 }],
  settings: { stk: { defaultOutcome: 'accept', phoneOutcomes: { '254711000111': 'decline' } } },
  faults: [{ name: 'busy on 99', match: { amount: 99 }, effect: { type: 'error', error: 'system-busy' } }],
};

const YAML = `# The same scenario in YAML
apps:
  - name: shop
    consumerKey: shopkey
    consumerSecret: shopsecret
shortcodes:
  - shortcode: "555555"
    kind: paybill
    name: SHOP LTD
    passkey: "${SHOP_PASSKEY}"
    balances:
      Utility Account: 1200
customers:
  - { msisdn: "254711000111", name: Wanjiru, pin: "4321", balance: 75 }
settings:
  stk:
    defaultOutcome: accept
    phoneOutcomes:
      "254711000111": decline
faults:
  - name: busy on 99
    match: { amount: 99 }
    effect: { type: error, error: system-busy }
`;

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'daraja-scenario-')), name);
  writeFileSync(path, text);
  return path;
}

const shopBody = (now: number, overrides: Record<string, unknown> = {}) => {
  const timestamp = eat(now);
  return stkBody(now, {
    BusinessShortCode: '555555',
    PartyB: '555555',
    Timestamp: timestamp,
    Password: password(timestamp, '555555', SHOP_PASSKEY),
    ...overrides,
  });
};

/** Checks an emulator built from the scenario: world, balances, outcomes and fault rule. */
async function expectScenario(emulator: Emulator) {
  expect(emulator.ledger.org('555555')?.accounts['Utility Account']).toBe(120_000);
  expect(emulator.ledger.customer('254711000111')).toMatchObject({
    name: 'Wanjiru',
    pin: '4321',
    balanceCents: 7500,
  });
  const bearer = await token(emulator.app, 'shopkey', 'shopsecret');
  const paid = await post(
    emulator.app,
    '/mpesa/stkpush/v1/processrequest',
    bearer,
    shopBody(emulator.clock.now()),
  ).expect(200);
  await emulator.advance(1000);
  expect(emulator.transactions.get(paid.body.CheckoutRequestID)?.resultCode).toBe(0);
  const declined = await post(
    emulator.app,
    '/mpesa/stkpush/v1/processrequest',
    bearer,
    shopBody(emulator.clock.now(), { PartyA: '254711000111', PhoneNumber: '254711000111' }),
  ).expect(200);
  await emulator.advance(1000);
  expect(emulator.transactions.get(declined.body.CheckoutRequestID)?.resultCode).toBe(1032);
  await post(
    emulator.app,
    '/mpesa/stkpush/v1/processrequest',
    bearer,
    shopBody(emulator.clock.now(), { Amount: 99 }),
  ).expect(500);
}

/** Builds an emulator from a config file the way main.ts does. */
function fromConfig(path: string) {
  const file = readConfigFile(path);
  return new Emulator({
    clock: 'manual',
    ...(file.settings ? { settings: file.settings } : {}),
    world: {
      ...(file.apps ? { apps: file.apps } : {}),
      ...(file.shortcodes ? { shortcodes: file.shortcodes } : {}),
      ...(file.customers ? { customers: file.customers } : {}),
    },
    ...(file.faults ? { faults: file.faults } : {}),
  });
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('scenario files', () => {
  it('reads apps, shortcodes with passkeys and balances, customers, outcomes and fault rules from JSON', async () => {
    await expectScenario(fromConfig(tempFile('scenario.json', JSON.stringify(SCENARIO))));
  });

  it.each(['scenario.yaml', 'scenario.yml'])('reads the same scenario from YAML (%s)', async (name) => {
    const path = tempFile(name, YAML);
    expect(readConfigFile(path)).toEqual(SCENARIO);
    await expectScenario(fromConfig(path));
  });

  it('names the file and the problem when YAML is broken or a rule is invalid', () => {
    expect(() => readConfigFile(tempFile('bad.yaml', 'apps: [\n'))).toThrow(/bad\.yaml is not valid YAML/);
    expect(() => readConfigFile(tempFile('bad.yaml', 'faults: {}\n'))).toThrow(/"faults" must be a list/);
    const badRule = fromConfigError(
      tempFile('rule.json', JSON.stringify({ faults: [{ effect: { type: 'nope' } }] })),
    );
    expect(badRule).toMatch(/faults.*"effect.type" must be one of/);
  });

  it('starts the command with a YAML --config, rules included', async () => {
    const path = tempFile('scenario.yaml', YAML);
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'emulator', 'dist', 'main.js'), '--port', '0', '--memory', '--config', path],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.push(child);
    // Waits for the ready line itself, however long a loaded machine takes to print it.
    const url = await new Promise<string | undefined>((resolve) => {
      let out = '';
      child.stdout?.on('data', (c: Buffer) => {
        out += c.toString();
        const ready = /ready on (http:\/\/\S+)/.exec(out)?.[1];
        if (ready) resolve(ready);
      });
      child.on('exit', () => resolve(undefined));
    });
    expect(url).toBeDefined();
    const rules = (await (await fetch(`${url}/_emulator/faults`)).json()) as { name: string }[];
    expect(rules.map((r) => r.name)).toEqual(['busy on 99']);
  });

  it('loads a scenario at runtime through POST /_emulator/scenario, as JSON or YAML, starting from its world', async () => {
    for (const [type, text] of [
      ['application/json', JSON.stringify({ ...SCENARIO, seed: 3 })],
      ['application/yaml', YAML],
    ] as const) {
      const emulator = new Emulator({ clock: 'manual' });
      const bearer = await token(emulator.app);
      await post(
        emulator.app,
        '/mpesa/stkpush/v1/processrequest',
        bearer,
        stkBody(emulator.clock.now()),
      ).expect(200);
      const res = await request(emulator.app)
        .post('/_emulator/scenario')
        .set('Content-Type', type)
        .send(text)
        .expect(200);
      expect(res.body.ignored).toEqual(type === 'application/json' ? ['seed'] : []);
      expect(emulator.transactions.list({})).toEqual([]);
      await expectScenario(emulator);
    }
  });

  it('refuses an invalid scenario with a 400 and changes nothing', async () => {
    const emulator = new Emulator({ clock: 'manual' });
    for (const body of [
      { customers: 'none' },
      { settings: { stk: { defaultOutcome: 'maybe' } } },
      { faults: [{ effect: { type: 'error' } }] },
      { unknown: true },
    ]) {
      const res = await request(emulator.app).post('/_emulator/scenario').send(body).expect(400);
      expect(res.body.error.code).toBe('invalid_scenario');
    }
    expect(emulator.settings.current.stk.defaultOutcome).toBe('wait');
    expect(emulator.faults.rules.list()).toEqual([]);
  });
});

function fromConfigError(path: string): string {
  try {
    fromConfig(path);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}
