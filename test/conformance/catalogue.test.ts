import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  startEmulator,
  conformanceVariants,
  type CallbackSink,
  type ConformanceRun,
  type TestEmulator,
} from 'daraja-emulator/testing';
import { internalsOf } from '../../emulator/src/internals.js';

let emu: TestEmulator;
let sink: CallbackSink;
beforeAll(async () => {
  emu = await startEmulator();
  // An app that accepts its own account numbers and rejects the ones it never issued (NX...).
  sink = await emu.callbackSink({
    reply: (r) =>
      (r.body as { BillRefNumber?: string } | undefined)?.BillRefNumber?.startsWith('NX') && r.path === '/cb'
        ? { status: 200, body: { ResultCode: 'C2B00012', ResultDesc: 'Rejected' } }
        : { status: 200, body: { ResultCode: 0, ResultDesc: 'Accepted' } },
  });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The result code the app is told: STK's ResultCode, a Result's ResultCode, or none for C2B. */
function sentCode(run: ConformanceRun): unknown {
  const last = run.callbacks.at(-1)?.body as Body | undefined;
  return last?.Body?.stkCallback?.ResultCode ?? last?.Result?.ResultCode;
}

it.each(conformanceVariants().map((v) => [v.name, v] as const))(
  'plays %s end to end, sends the result it promises and leaves no rule behind',
  async (_name, variant) => {
    const run = await emu.play(variant, { callbackUrl: sink.url + '/cb' });
    expect(run.error).toBeUndefined();
    expect(run.problems).toEqual([]);
    expect(run.transactionId).toBeTruthy();
    if (variant.family !== 'c2b') {
      expect(sentCode(run)).toBe(variant.expect.outcome === 'success' ? 0 : variant.expect.resultCode);
    }
    expect(
      internalsOf(emu)
        .faults.rules.list()
        .filter((r) => r.name.startsWith('conformance:')),
    ).toEqual([]);
  },
);

it.each([
  ['stk-duplicate-callback', ['stk-callback:delivered', 'stk-callback:delivered']],
  ['stk-callback-lost', ['stk-callback:cancelled']],
  ['c2b-validation-accepted', ['c2b-validation:delivered', 'c2b-confirmation:delivered']],
  ['c2b-validation-rejected', ['c2b-validation:delivered']],
  ['c2b-validation-timeout-completed', ['c2b-validation:cancelled', 'c2b-confirmation:delivered']],
  ['c2b-validation-timeout-cancelled', ['c2b-validation:cancelled']],
  ['c2b-duplicate-confirmation', ['c2b-confirmation:delivered', 'c2b-confirmation:delivered']],
  ['b2c-queue-timeout', ['queue-timeout:delivered']],
])('%s sends exactly these callbacks', async (name, expected) => {
  const run = await emu.play(name, { callbackUrl: sink.url + '/cb' });
  expect(run.callbacks.map((c) => `${c.kind}:${c.status}`)).toEqual(expected);
});

it('delivers the late callback only after the app’s timeout, having let the app reconcile first', async () => {
  const seen: number[] = [];
  const run = await emu.play('stk-callback-late', {
    callbackUrl: sink.url + '/cb',
    appTimeoutMs: 90_000,
    reconcile: () =>
      seen.push(internalsOf(emu).outbox.list({ kind: 'stk-callback' })[0]?.attempts.length ?? -1),
  });
  expect(seen).toEqual([0]);
  expect(run.callbacks[0]?.answers).toHaveLength(1);
});

it('sends one-element lists as objects or arrays as the variant says, and keys without Value', async () => {
  const object = await emu.play('b2c-single-item-object', { callbackUrl: sink.url + '/cb' });
  expect(Array.isArray((object.callbacks[0]?.body as Body).Result.ReferenceData.ReferenceItem)).toBe(false);
  const array = await emu.play('b2c-success', { callbackUrl: sink.url + '/cb' });
  expect(Array.isArray((array.callbacks[0]?.body as Body).Result.ReferenceData.ReferenceItem)).toBe(true);
  const locked = await emu.play('account-balance-credential-locked', { callbackUrl: sink.url + '/cb' });
  expect((locked.callbacks[0]?.body as Body).Result.ReferenceData.ReferenceItem).toEqual({
    Key: 'QueueTimeoutURL',
  });
  expect(emu.settings().initiator.singleItemAsObject).toBe(true);
});

it('words the legacy callback as 2017-2019 Daraja did and hashes or masks the C2B MSISDN by version', async () => {
  const legacy = await emu.play('stk-legacy-wording', { callbackUrl: sink.url + '/cb' });
  expect((legacy.callbacks[0]?.body as Body).Body.stkCallback.ResultDesc).toBe(
    '[STK_CB - ]Request cancelled by user',
  );
  expect(emu.settings().ids.style).toBe('current');
  const v1 = await emu.play('c2b-v1-hashed-msisdn', { callbackUrl: sink.url + '/cb' });
  expect((v1.callbacks[0]?.body as Body).MSISDN).toMatch(/^[0-9a-f]{64}$/);
  const v2 = await emu.play('c2b-v2-masked-msisdn', { callbackUrl: sink.url + '/cb' });
  expect((v2.callbacks[0]?.body as Body).MSISDN).toMatch(/\*/);
});

it('reports a failing trigger, an app that is down and a wrong validation answer as lines, not exceptions', async () => {
  const failing = await emu.play('stk-success', {
    trigger: () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:1');
    },
  });
  expect(failing.error).toBe('The trigger failed: connect ECONNREFUSED 127.0.0.1:1');

  const down = await emu.play('stk-success', { callbackUrl: 'http://127.0.0.1:9/cb' });
  expect(down.error).toBeUndefined();
  expect(down.problems).toEqual([
    expect.stringMatching(/^The stk-callback to http:\/\/127\.0\.0\.1:9\/cb got no answer/),
  ]);

  const nothing = await emu.play('stk-success', { trigger: () => undefined });
  expect(nothing.error).toBe('The trigger ran, but no stk request reached the emulator.');

  const lax = await emu.play('c2b-validation-rejected', { callbackUrl: sink.url + '/accept-all' });
  expect(lax.problems).toEqual([
    expect.stringMatching(/^The app accepted a payment to an account number it never issued/),
  ]);
});

it('refuses an unknown variant name with the way to list them', async () => {
  await expect(emu.play('stk-nope', { callbackUrl: sink.url })).rejects.toThrow(
    'No callback variant "stk-nope"; conformanceVariants() lists them.',
  );
});

it('fires a variant at any URL through the control API and publishes the result live', async () => {
  const published: unknown[] = [];
  const off = internalsOf(emu).events.on((e) => e.type === 'conformance' && published.push(e.result));
  try {
    const res = await fetch(emu.url + '/_emulator/conformance/fire', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ variant: 'stk-duplicate-callback', url: sink.url + '/fired' }),
    });
    expect(res.status).toBe(200);
    const result = (await res.json()) as { verdict: string; callbacks: { status: string }[] };
    expect(result).toMatchObject({ variant: 'stk-duplicate-callback', verdict: 'pass' });
    expect(result.callbacks.map((c) => c.status)).toEqual(['delivered', 'delivered']);
    expect(published).toEqual([result]);
    const listed = (await (await fetch(emu.url + '/_emulator/conformance/results')).json()) as unknown[];
    expect(listed.at(-1)).toEqual(result);
  } finally {
    off();
  }
});

it.each([
  ['fire', { variant: 'stk-nope', url: 'http://127.0.0.1:9/' }, 404, 'unknown_variant'],
  ['fire', { variant: 'stk-success', url: 'ftp://x' }, 400, 'invalid_url'],
  ['results', { variant: 'stk-success', verdict: 'maybe' }, 400, 'invalid_result'],
])('answers POST /conformance/%s %j with %i %s', async (path, body, status, code) => {
  const res = await fetch(`${emu.url}/_emulator/conformance/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(status);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
});

it('lists the catalogue with name, description, evidence and expected outcome', async () => {
  const list = (await (await fetch(emu.url + '/_emulator/conformance/variants')).json()) as Record<
    string,
    unknown
  >[];
  expect(list).toHaveLength(conformanceVariants().length);
  expect(list[0]).toEqual({
    name: 'stk-success',
    family: 'stk',
    description: expect.any(String),
    evidence: expect.any(String),
    expect: { outcome: 'success', summary: expect.any(String) },
    needs: [],
  });
});

it('documents every variant of the catalogue in docs/conformance.md', () => {
  const doc = readFileSync(new URL('../../docs/conformance.md', import.meta.url), 'utf8');
  const rows = new Set([...doc.matchAll(/^\| `([a-z0-9-]+)` +\|/gm)].map((m) => m[1]));
  expect(conformanceVariants().filter((v) => !rows.has(v.name))).toEqual([]);
});
