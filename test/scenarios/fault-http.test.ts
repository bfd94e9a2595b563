import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import request from 'supertest';
import type { FaultRuleInput } from 'daraja-client/emulator';
import { stkBody } from '../support/daraja-requests.js';
import { STK_PATH, faultyEmulator, push, until } from './fault-support.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** An emulator listening on 127.0.0.1 with one rule, and a way to POST an STK push to it with fetch. */
async function served(rule: FaultRuleInput) {
  const ctx = await faultyEmulator([rule]);
  const listening = await ctx.emulator.listen(0);
  cleanups.push(() => ctx.emulator.close());
  const send = (signal?: AbortSignal) =>
    fetch(`${listening.url}${STK_PATH}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ctx.bearer}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(stkBody(ctx.emulator.clock.now())),
      ...(signal ? { signal } : {}),
    });
  return { ...ctx, listening, send };
}

describe('HTTP-level fault rules', () => {
  it.each([
    ['spike-arrest', 500, '500.003.02', 'Error Occurred: Spike Arrest Violation'],
    ['quota', 500, '500.003.03', 'Error Occurred: Quota Violation'],
    ['system-busy', 500, '500.003.02', 'System is busy. Please try again in few minutes.'],
    ['maintenance', 500, '500.003.1001', 'Service is currently under maintenance. Please try again later'],
    ['invalid-token', 404, '404.001.03', 'Invalid Access Token'],
    ['internal-error', 500, '500.001.1001', 'Internal Server Error'],
  ] as const)('answers the named error %s in Daraja’s envelope', async (error, status, code, message) => {
    const { emulator, bearer } = await faultyEmulator([{ name: 'boom', effect: { type: 'error', error } }]);
    const res = await push(emulator, bearer).expect(status);
    expect(res.body).toEqual({ requestId: res.body.requestId, errorCode: code, errorMessage: message });
    expect(Object.keys(res.body)).toEqual(['requestId', 'errorCode', 'errorMessage']);
    expect(emulator.transactions.list({})).toHaveLength(0);
    const entry = emulator.journal.list()[0];
    expect(entry?.rules).toEqual(['boom']);
    expect(entry?.explanation.join(' ')).toContain('Fault rule "boom"');
  });

  it('answers any code and message given in the rule, with the status from the code or the rule', async () => {
    const { emulator, bearer } = await faultyEmulator([
      { match: { amount: 1 }, effect: { type: 'error', code: '503.001.01', message: 'Service Unavailable' } },
      { match: { amount: 2 }, effect: { type: 'error', error: 'spike-arrest', status: 429 } },
      { match: { amount: 3 }, effect: { type: 'error', code: '400.002.05' } },
    ]);
    const first = await push(emulator, bearer, { Amount: 1 }).expect(503);
    expect(first.body).toMatchObject({ errorCode: '503.001.01', errorMessage: 'Service Unavailable' });
    const second = await push(emulator, bearer, { Amount: 2 }).expect(429);
    expect(second.body.errorCode).toBe('500.003.02');
    const third = await push(emulator, bearer, { Amount: 3 }).expect(400);
    expect(third.body).toMatchObject({ errorCode: '400.002.05', errorMessage: 'Invalid Request Payload' });
  });

  it('answers invalid-token with the code of the API family (401.002.01 for B2C)', async () => {
    const { emulator, bearer } = await faultyEmulator([
      { effect: { type: 'error', error: 'invalid-token' } },
    ]);
    const res = await request(emulator.app)
      .post('/mpesa/b2c/v3/paymentrequest')
      .set('Authorization', `Bearer ${bearer}`)
      .send({})
      .expect(401);
    expect(res.body).toMatchObject({
      errorCode: '401.002.01',
      errorMessage: 'Error Occurred - Invalid Access Token - ',
    });
  });

  it('serves the gateway’s HTML 503 page', async () => {
    const { emulator, bearer } = await faultyEmulator([{ name: 'down', effect: { type: 'html-503' } }]);
    const res = await push(emulator, bearer).expect(503);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<title>503 Service Unavailable</title>');
    expect(emulator.journal.list()[0]).toMatchObject({ status: 503, rules: ['down'] });
  });

  it('serves the Apigee JSON fault with the shape of the captured 504', async () => {
    const { emulator, bearer } = await faultyEmulator([{ effect: { type: 'apigee-fault' } }]);
    const res = await push(emulator, bearer).expect(504);
    expect(res.body).toEqual({
      fault: {
        faultstring: 'Gateway Timeout',
        detail: { errorcode: 'messaging.adaptors.http.flow.GatewayTimeout', reason: 'TARGET_READ_TIMEOUT' },
      },
    });
  });

  it('serves the SOAP-style Apigee fault with the rule’s faultstring', async () => {
    const faultstring =
      'Execution of ServiceCallout SCO-AddURLVault failed. Reason: ResponseCode 409 is treated as error';
    const { emulator, bearer } = await faultyEmulator([
      { effect: { type: 'apigee-fault', status: 500, format: 'soap', faultstring } },
    ]);
    const res = await push(emulator, bearer).expect(500);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(res.text).toContain(`<faultstring>${faultstring}</faultstring>`);
    expect(res.text).toContain('<errorcode>steps.servicecallout.ExecutionFailed</errorcode>');
  });

  it('holds a delayed request until the manual clock passes the delay, then lets the handler answer', async () => {
    const { emulator, bearer } = await faultyEmulator([
      { name: 'slow', effect: { type: 'delay', ms: 5000 } },
    ]);
    let done = false;
    const pending = push(emulator, bearer).then((res) => {
      done = true;
      return res;
    });
    await until(() => emulator.faults.held === 1);
    await emulator.advance(4999);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(done).toBe(false);
    await emulator.advance(1);
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.body.ResponseCode).toBe('0');
    expect(emulator.journal.list()[0]?.rules).toEqual(['slow']);
  });

  it('waits in real time when the delay says clock "real", even with a manual clock', async () => {
    const { emulator, bearer } = await faultyEmulator([{ effect: { type: 'delay', ms: 80, clock: 'real' } }]);
    const started = performance.now();
    await push(emulator, bearer).expect(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(70);
  });

  it('adds up delays and then applies the first answering rule', async () => {
    const { emulator, bearer } = await faultyEmulator([
      { name: 'd1', effect: { type: 'delay', ms: 1000 } },
      { name: 'd2', effect: { type: 'delay', ms: { min: 500, max: 500 } } },
      { name: 'busy', effect: { type: 'error', error: 'system-busy' } },
      { name: 'never', effect: { type: 'reset' } },
    ]);
    const pending = push(emulator, bearer).then((r) => r);
    await until(() => emulator.faults.held === 1);
    await emulator.advance(1500);
    const res = await pending;
    expect(res.status).toBe(500);
    expect(emulator.journal.list()[0]?.rules).toEqual(['d1', 'd2', 'busy']);
    const never = emulator.faults.rules.list().find((r) => r.name === 'never');
    expect(never).toMatchObject({ matched: 0, fired: 0 });
  });

  it('resets the connection without an answer and journals the exchange with status 0', async () => {
    const { emulator, send } = await served({ name: 'rst', effect: { type: 'reset' } });
    await expect(send()).rejects.toThrow();
    await until(() => emulator.journal.list().length > 0);
    expect(emulator.journal.list()[0]).toMatchObject({ status: 0, rules: ['rst'] });
    expect(emulator.transactions.list({})).toHaveLength(0);
  });

  it('hangs until the client gives up, and frees the request when it does', async () => {
    const { emulator, listening, bearer } = await served({ effect: { type: 'hang' } });
    const gaveUp = new Promise<string>((resolve) => {
      const req = http.request(`${listening.url}${STK_PATH}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
      });
      req.setTimeout(150, () => req.destroy(new Error('client timeout')));
      req.on('error', (error) => resolve(error.message));
      req.on('response', () => resolve('answered'));
      req.end(JSON.stringify(stkBody(emulator.clock.now())));
    });
    await until(() => emulator.faults.held === 1);
    expect(await gaveUp).toBe('client timeout');
    await until(() => emulator.faults.held === 0);
    await until(() => emulator.journal.list().length > 0);
    expect(emulator.journal.list()[0]?.status).toBe(0);
  });

  it('releases a hung request when the server closes, so closing never waits for it', async () => {
    const { emulator, listening, send } = await served({ effect: { type: 'hang' } });
    const answer = send();
    answer.catch(() => undefined);
    await until(() => emulator.faults.held === 1);
    await listening.close();
    await expect(answer).rejects.toThrow();
    expect(emulator.faults.held).toBe(0);
  });

  it('cuts the real handler’s JSON in half and sends it as a complete, invalid body', async () => {
    const { send } = await served({ effect: { type: 'truncate' } });
    const res = await send();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(text.startsWith('{"MerchantRequestID":"')).toBe(true);
  });

  it('keeps the given fraction of the body', async () => {
    const { emulator, bearer } = await faultyEmulator([{ effect: { type: 'truncate', keep: 0.25 } }]);
    const res = await push(emulator, bearer)
      .buffer(true)
      .parse((r, cb) => {
        let data = '';
        r.on('data', (c: Buffer) => (data += c.toString()));
        r.on('end', () => cb(null, data));
      });
    const full = emulator.transactions.list({})[0]?.response;
    expect((res.body as string).length).toBe(Math.floor(JSON.stringify(full).length * 0.25));
  });

  it('announces the full length and drops the connection midway in cut-connection mode', async () => {
    const { emulator, send } = await served({ effect: { type: 'truncate', mode: 'cut-connection' } });
    const res = await send();
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    expect(emulator.transactions.list({})).toHaveLength(1);
  });
});
