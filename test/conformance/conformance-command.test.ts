import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DarajaClient } from 'daraja-client';
import { startEmulator, type TestEmulator } from 'daraja-emulator/testing';
import { runConformanceCommand } from '../../emulator/src/conformance/cli/conformance-command.js';
import { MemoryOrders } from '../../examples/shop/src/orders.js';
import { startShop, type Shop } from '../../examples/shop/src/shop.js';

let emu: TestEmulator;
let careful: Shop;
let naive: Shop;
const orders = [new MemoryOrders(), new MemoryOrders()] as const;
const dir = mkdtempSync(path.join(tmpdir(), 'conformance-cli-'));

beforeAll(async () => {
  emu = await startEmulator();
  careful = await startShop({ daraja: new DarajaClient(emu.clientConfig()), orders: orders[0] });
  naive = await startShop({
    daraja: new DarajaClient(emu.clientConfig()),
    orders: orders[1],
    handlers: 'naive',
  });
});
afterAll(async () => {
  await careful.close();
  await naive.close();
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await emu.reset();
  for (const o of orders) o.clear();
});

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runConformanceCommand(argv, {}, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The options a user would give for the shop: how to check out, reconcile and read an order. */
const shopOptions = (shop: Shop) => [
  '--emulator',
  emu.url,
  '--trigger',
  `POST ${shop.url}/checkout {"phone":"{PhoneNumber}","amount":{Amount},"orderId":"{AccountReference}"}`,
  '--reconcile',
  `POST ${shop.url}/reconcile`,
  '--probe',
  `GET ${shop.url}/orders/{AccountReference}`,
  '--expect',
  'success:status=paid',
  '--expect',
  'success:fulfilments=1',
  '--expect',
  'failure:status=failed',
  '--expect',
  'failure:failure.code={ExpectedResultCode}',
];

it('passes every STK variant against the careful shop, exits 0 and writes one JUnit testcase per variant', async () => {
  const junit = path.join(dir, 'careful.xml');
  const result = await run([...shopOptions(careful), '--family', 'stk', '--junit', junit]);
  expect(result.err).toMatch(/\[20\/20\] PASS stk-legacy-wording/);
  expect(result.out).toMatch(/20 variants: 20 passed, 0 failed, 0 could not run\./);
  expect(result.code).toBe(0);
  const xml = readFileSync(junit, 'utf8');
  expect(xml.match(/<testcase /g)).toHaveLength(20);
  expect(xml).toContain('failures="0" errors="0"');
});

it('fails the naive shop on the variants that catch it, says why, and exits 1', async () => {
  const result = await run([...shopOptions(naive), '--family', 'stk', '--json']);
  expect(result.code).toBe(1);
  const results = JSON.parse(result.out) as { variant: string; verdict: string; reasons: string[] }[];
  expect(results.filter((r) => r.verdict !== 'pass').map((r) => r.variant)).toEqual([
    'stk-duplicate-callback',
    'stk-success-after-query-pending',
    'stk-success-after-query-being-processed',
    'stk-callback-lost',
    'stk-callback-late',
  ]);
  expect(results.find((r) => r.variant === 'stk-duplicate-callback')?.reasons).toEqual([
    'probe: fulfilments is 2, expected "1"',
  ]);
});

it('reports an unknown variant, a failing trigger, an app that is down and a probe that never returns, and goes on', async () => {
  const result = await run([
    '--emulator',
    emu.url,
    '--variant',
    'stk-nope,stk-success,stk-failure-cancelled',
    '--trigger',
    'stk=POST http://127.0.0.1:9/checkout {}',
    '--callback-url',
    'http://127.0.0.1:9/down',
    '--probe-cmd',
    'sleep 5',
    '--timeout',
    '300',
  ]);
  expect(result.code).toBe(1);
  expect(result.err).toContain('[1/3] ERROR stk-nope — No variant "stk-nope"; --list shows them.');
  expect(result.err).toMatch(
    /\[2\/3\] ERROR stk-success — The trigger failed: POST http:\/\/127\.0\.0\.1:9\/checkout failed/,
  );
  expect(result.out).toMatch(/3 variants: 0 passed, 0 failed, 3 could not run\./);

  const down = await run([
    '--emulator',
    emu.url,
    '--variant',
    'stk-success',
    '--callback-url',
    'http://127.0.0.1:9/down',
    '--probe-cmd',
    'sleep 5',
    '--timeout',
    '300',
  ]);
  expect(down.code).toBe(1);
  expect(down.out).toContain('reason    The stk-callback to http://127.0.0.1:9/down got no answer');
  expect(down.out).toContain('reason    probe `sleep 5` did not finish within 300 ms');
});

it('starts an emulator of its own when none is given, and plays a variant with the emulator as the trigger', async () => {
  const sink = await emu.callbackSink();
  const result = await run([
    '--port',
    '0',
    '--variant',
    'stk-failure-cancelled',
    '--callback-url',
    sink.url + '/cb',
  ]);
  expect(result.err).toMatch(/^Emulator started on http:\/\/127\.0\.0\.1:\d+ \(manual clock\)/);
  expect(result.code).toBe(0);
  expect(
    (sink.requests[0]?.body as { Body: { stkCallback: { ResultCode: number } } }).Body.stkCallback.ResultCode,
  ).toBe(1032);
});

it.each([
  [['--family', 'sms'], /--family sms: one of stk, c2b/],
  [['--expect', 'paid'], /--expect "paid": write <outcome>:<json path>=<value>/],
  [['--variant', 'stk-success'], /give --trigger or --trigger-cmd/],
])('refuses %j with exit status 2 and the reason', async (argv, message) => {
  const result = await run(argv);
  expect(result.code).toBe(2);
  expect(result.err).toMatch(message);
});
