import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { SANDBOX_PASSKEY, SANDBOX_SHORTCODE, SANDBOX_MSISDN } from 'daraja-emulator';
import { stkPassword } from 'daraja-client';
import { repoRoot } from '../support/captures.js';
import { packTarballs, projectWith, sh, startUntil, type Started } from '../support/installed.js';

// Each test runs real commands (npm, tsc, node); on a loaded two-core machine they take their time.
vi.setConfig({ testTimeout: 180_000 });

/**
 * The packages as a user gets them: packed as `npm publish` would, installed into a new project outside the
 * repository, and used only through their public names (the bin, `daraja-emulator/testing`, `daraja-client`).
 */
let project: string;
let emulator: Started;
let url: string;
const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');

beforeAll(async () => {
  project = await projectWith(packTarballs(), ['@types/node@20']);
  emulator = await startUntil('npx', ['daraja-emulator', '--port', '0'], /ready on (http:\/\/\S+)/, {
    cwd: project,
  });
  url = emulator.match[1] as string;
}, 300_000);

afterAll(async () => {
  await emulator?.stop();
});

it('npx daraja-emulator prints its ready line and serves the phone UI with every asset it names', async () => {
  const page = await fetch(`${url}/`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/text\/html/);
  const html = await page.text();
  const assets = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]);
  expect(assets.length).toBeGreaterThanOrEqual(2);
  for (const asset of assets) {
    const answer = await fetch(`${url}/${asset}`);
    expect(answer.status, asset).toBe(200);
    expect((await answer.arrayBuffer()).byteLength, asset).toBeGreaterThan(0);
  }
});

it('the installed emulator issues a token and accepts an STK push as the sandbox does', async () => {
  const auth = await fetch(`${url}/oauth/v1/generate?grant_type=client_credentials`, {
    headers: { Authorization: `Basic ${Buffer.from('key:secret').toString('base64')}` },
  });
  expect(auth.status).toBe(200);
  const { access_token: token } = (await auth.json()) as { access_token: string };
  const push = await fetch(`${url}/mpesa/stkpush/v1/processrequest`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      BusinessShortCode: SANDBOX_SHORTCODE,
      ...stkPassword(SANDBOX_SHORTCODE, SANDBOX_PASSKEY, () => new Date('2026-12-02T09:00:00Z').getTime()),
      TransactionType: 'CustomerPayBillOnline',
      Amount: '1',
      PartyA: SANDBOX_MSISDN,
      PartyB: SANDBOX_SHORTCODE,
      PhoneNumber: SANDBOX_MSISDN,
      CallBackURL: 'http://127.0.0.1:9/callback',
      AccountReference: 'order-1',
      TransactionDesc: 'smoke',
    }),
  });
  expect(push.status).toBe(200);
  expect(await push.json()).toMatchObject({
    ResponseCode: '0',
    CheckoutRequestID: expect.stringMatching(/^ws_CO_/),
  });
});

it('daraja-emulator/testing runs a whole payment from an ES module, paid through daraja-client', async () => {
  writeFileSync(
    join(project, 'kit.mjs'),
    `import { startEmulator, SANDBOX_MSISDN } from 'daraja-emulator/testing';
import { DarajaClient } from 'daraja-client';
const emu = await startEmulator();
const sink = await emu.callbackSink();
const daraja = new DarajaClient(emu.clientConfig());
const ack = await daraja.stk.push({ amount: 10, phoneNumber: SANDBOX_MSISDN, callbackUrl: sink.url + '/stk',
  accountReference: 'order-2', transactionDesc: 'kit' });
await emu.phone(SANDBOX_MSISDN).accept();
const callback = await emu.nextCallback({ transactionId: ack.CheckoutRequestID });
console.log(callback.status);
await emu.close();
`,
  );
  const { stdout } = await sh(process.execPath, ['kit.mjs'], { cwd: project });
  expect(stdout.trim()).toBe('delivered');
});

it('daraja-client loads from CommonJS and from ES modules alike', async () => {
  writeFileSync(
    join(project, 'client.cjs'),
    `const { DarajaClient, stkPassword } = require('daraja-client');
const { DarajaPaths } = require('daraja-client/wire');
const { CONTROL_PREFIX } = require('daraja-client/emulator');
console.log(typeof DarajaClient, stkPassword('1', 'p', () => 0).Password, DarajaPaths.oauth, CONTROL_PREFIX);
`,
  );
  writeFileSync(
    join(project, 'client.mjs'),
    `import { DarajaClient, stkPassword } from 'daraja-client';
import { DarajaPaths } from 'daraja-client/wire';
import { CONTROL_PREFIX } from 'daraja-client/emulator';
console.log(typeof DarajaClient, stkPassword('1', 'p', () => 0).Password, DarajaPaths.oauth, CONTROL_PREFIX);
`,
  );
  const cjs = await sh(process.execPath, ['client.cjs'], { cwd: project });
  const esm = await sh(process.execPath, ['client.mjs'], { cwd: project });
  expect(cjs.stdout).toBe('function MXAxOTcwMDEwMTAzMDAwMA== /oauth/v1/generate /_emulator\n');
  expect(esm.stdout).toBe(cjs.stdout);
});

it.each([
  ['node16', 'node16'],
  ['bundler', 'esnext'],
])('the packages’ types resolve under moduleResolution %s', async (resolution, module) => {
  writeFileSync(
    join(project, 'app.ts'),
    `import { startEmulator, type TestEmulator } from 'daraja-emulator/testing';
import { createEmulator } from 'daraja-emulator';
import { DarajaClient, type StkCallbackResult } from 'daraja-client';
import { DarajaPaths } from 'daraja-client/wire';
const emu: TestEmulator = await startEmulator();
const client = new DarajaClient(emu.clientConfig());
const result: StkCallbackResult | undefined = undefined;
export { client, result, createEmulator, DarajaPaths };
`,
  );
  writeFileSync(
    join(project, 'legacy.cts'),
    `import { DarajaClient, type DarajaClientConfig } from 'daraja-client';
import { DarajaPaths } from 'daraja-client/wire';

const config: DarajaClientConfig = { consumerKey: 'k', consumerSecret: 's', environment: 'sandbox' };
export const client = new DarajaClient(config);
export const path: string = DarajaPaths.stkPush;
`,
  );
  const files = resolution === 'node16' ? ['app.ts', 'legacy.cts'] : ['app.ts'];
  const args = ['--noEmit', '--strict', '--target', 'es2022', '--types', 'node'];
  const result = await sh(
    process.execPath,
    [tsc, ...args, '--module', module, '--moduleResolution', resolution, ...files],
    { cwd: project },
  ).catch((error: { stdout: string }) => ({ stdout: error.stdout, stderr: '' }));
  expect(result.stdout).toBe('');
});
