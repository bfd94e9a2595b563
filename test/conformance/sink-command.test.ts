import { expect, it } from 'vitest';
import { runSinkCommand } from '../../emulator/src/sink/sink-command.js';

const STK = {
  Body: {
    stkCallback: { CheckoutRequestID: 'ws_CO_1', ResultCode: 1032, ResultDesc: 'Request cancelled by user' },
  },
};
const VALIDATION = {
  TransactionType: 'Pay Bill',
  TransID: 'UA1X',
  TransAmount: '10',
  BusinessShortCode: '600984',
  BillRefNumber: 'INV-9',
  OrgAccountBalance: '',
};

/** Starts the sink as the CLI would, with its output captured; `stop()` ends it like Ctrl-C. */
async function sink(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let stop = () => undefined as void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const done = runSinkCommand(
    ['--port', '0', ...argv],
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    stopped,
  );
  while (err.length === 0) await new Promise((r) => setImmediate(r));
  const url = /on (http:\/\/\S+) /.exec(err[0] ?? '')?.[1] ?? '';
  const post = (p: string, body: unknown, signal?: AbortSignal) =>
    fetch(url + p, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json' },
      ...(signal ? { signal } : {}),
    });
  return { out, url, post, stop: async () => (stop(), done) };
}

it('acknowledges callbacks and validation as Daraja expects and prints each one with its gist', async () => {
  const s = await sink();
  const stk = await s.post('/stk', STK);
  expect(await stk.json()).toEqual({ ResultCode: 0, ResultDesc: 'Accepted' });
  const validation = await s.post('/c2b/validation', VALIDATION);
  expect(await validation.json()).toEqual({ ResultCode: '0', ResultDesc: 'Accepted' });
  expect(s.out[0]).toMatch(
    /^── \d\d:\d\d:\d\d POST \/stk {2}STK callback ws_CO_1: ResultCode 1032 "Request cancelled by user"/,
  );
  expect(s.out[0]).toContain('   → answered 200 {"ResultCode":0,"ResultDesc":"Accepted"}');
  expect(s.out[1]).toContain('C2B validation UA1X: Ksh 10 to 600984 account "INV-9"');
  expect(await s.stop()).toBe(0);
});

it('rejects validation with the code asked for, and answers 500 when told to', async () => {
  const rejecting = await sink('--reply', 'reject', '--reject-code', 'C2B00013');
  expect(await (await rejecting.post('/hooks', VALIDATION)).json()).toEqual({
    ResultCode: 'C2B00013',
    ResultDesc: 'Rejected',
  });
  expect((await rejecting.post('/stk', STK)).status).toBe(200);
  await rejecting.stop();
  const failing = await sink('--reply', '500');
  expect((await failing.post('/stk', STK)).status).toBe(500);
  await failing.stop();
});

it('never answers when told to time out, so the caller gives up', async () => {
  const s = await sink('--reply', 'timeout');
  await expect(s.post('/stk', STK, AbortSignal.timeout(200))).rejects.toThrow(/aborted|timeout/i);
  expect(s.out[0]).toContain('→ answered no answer (timing out)');
  await s.stop();
});

it('refuses an unknown reply mode with exit status 2', async () => {
  const err: string[] = [];
  expect(await runSinkCommand(['--reply', 'maybe'], { out: () => undefined, err: (l) => err.push(l) })).toBe(
    2,
  );
  expect(err[0]).toMatch(/--reply must be one of ok, 500, timeout, reject, not "maybe"/);
});
