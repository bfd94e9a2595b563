import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readCapture } from '../test-support/captures.js';
import { rejectC2B } from './c2b-validation-decision.js';
import {
  type CallbackHandlerOptions,
  type CallbackHandlers,
  createCallbackHandler,
} from './create-callback-handler.js';
import type { ParsedC2BNotification } from './parse-c2b-notification.js';
import type { ParsedResult } from './parse-result-callback.js';
import type { StkCallbackResult } from './parse-stk-callback.js';
import type { CallbackRequest } from './read-json-body.js';

let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** Starts a real HTTP server on 127.0.0.1 with an ephemeral port; `preParse` mimics express.json(). */
async function serve(handlers: CallbackHandlers, options: CallbackHandlerOptions = {}, preParse = false) {
  const handler = createCallbackHandler(handlers, options);
  server = createServer((request: CallbackRequest, response) => {
    if (!preParse) return handler(request, response);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      request.body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
      handler(request, response);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return async (path: string, body: unknown) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
}

const c2b = readCapture('portal-samples/c2b-v2-notification.json');

describe('createCallbackHandler', () => {
  it('parses an STK callback, calls onStk and acknowledges', async () => {
    const seen: StkCallbackResult[] = [];
    const post = await serve({ onStk: (callback) => void seen.push(callback) });
    const answer = await post('/mpesa/stk', readCapture('sandbox/callbacks/stk-success.json'));
    expect(answer).toEqual({ status: 200, body: { ResultCode: 0, ResultDesc: 'Accepted' } });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ success: true, amount: 1 });
  });

  it('accepts a C2B validation when the app returns nothing', async () => {
    const post = await serve({ onC2BValidation: () => undefined });
    expect(await post('/c2b/validate', c2b)).toEqual({
      status: 200,
      body: { ResultCode: '0', ResultDesc: 'Accepted' },
    });
  });

  it('answers a C2B validation with the app’s rejection code', async () => {
    const post = await serve({
      onC2BValidation: async (notification) =>
        notification.billRefNumber === 'Sample Transaction' ? rejectC2B('C2B00012') : undefined,
    });
    expect(await post('/c2b/validate', c2b)).toEqual({
      status: 200,
      body: { ResultCode: 'C2B00012', ResultDesc: 'Rejected' },
    });
  });

  it('tells validation from confirmation by the path when both handlers are registered', async () => {
    const calls: Array<[string, ParsedC2BNotification]> = [];
    const post = await serve({
      onC2BValidation: (notification) => void calls.push(['validation', notification]),
      onC2BConfirmation: (notification) => void calls.push(['confirmation', notification]),
    });
    expect(await post('/payments/c2b/validation', c2b)).toEqual({
      status: 200,
      body: { ResultCode: '0', ResultDesc: 'Accepted' },
    });
    expect(await post('/payments/c2b/confirmation', c2b)).toEqual({
      status: 200,
      body: { ResultCode: 0, ResultDesc: 'Success' },
    });
    expect(calls.map(([kind]) => kind)).toEqual(['validation', 'confirmation']);
    expect(calls[1]?.[1]).toMatchObject({ transId: 'RKL51ZDR4F', amount: 5 });
  });

  it('routes Result bodies to onResult or, on a timeout path, to onTimeout', async () => {
    const calls: Array<[string, ParsedResult]> = [];
    const post = await serve({
      onResult: (result) => void calls.push(['result', result]),
      onTimeout: (result) => void calls.push(['timeout', result]),
    });
    const body = readCapture('portal-samples/b2c-result-success.json');
    expect(await post('/b2c/result', body)).toEqual({
      status: 200,
      body: { ResultCode: 0, ResultDesc: 'Accepted' },
    });
    expect(await post('/b2c/timeout', body)).toEqual({
      status: 200,
      body: { ResultCode: 0, ResultDesc: 'Accepted' },
    });
    expect(calls.map(([kind]) => kind)).toEqual(['result', 'timeout']);
    expect(calls[0]?.[1]).toMatchObject({ transactionId: 'SG632NMUAB', success: true });
  });

  it('uses a fixed kind when one is given', async () => {
    const seen: string[] = [];
    const post = await serve(
      { onTimeout: () => void seen.push('timeout'), onResult: () => void seen.push('result') },
      { kind: 'timeout' },
    );
    await post('/anything', readCapture('sandbox/callbacks/b2c-result-locked.json'));
    expect(seen).toEqual(['timeout']);
  });

  it('works with a body Express already parsed', async () => {
    const seen: StkCallbackResult[] = [];
    const post = await serve({ onStk: (callback) => void seen.push(callback) }, {}, true);
    const answer = await post('/stk', readCapture('portal-samples/stk-callback-cancelled.json'));
    expect(answer.status).toBe(200);
    expect(seen[0]).toMatchObject({ success: false, resultCode: 1032 });
  });

  it('answers 400 with a short JSON error for malformed JSON and keeps serving', async () => {
    const errors: unknown[] = [];
    const post = await serve({ onStk: () => undefined }, { onError: (error) => void errors.push(error) });
    const answer = await post('/stk', '{"Body": ');
    expect(answer).toEqual({
      status: 400,
      body: { error: 'Invalid Daraja callback: body is not valid JSON' },
    });
    expect(errors).toHaveLength(1);
    expect((await post('/stk', readCapture('sandbox/callbacks/stk.json'))).status).toBe(200);
  });

  it('answers 400 for a body that is no Daraja callback', async () => {
    const post = await serve({ onStk: () => undefined });
    const answer = await post('/stk', { hello: 'world' });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error:
        'Invalid Daraja callback: body is not an STK callback, a C2B notification, a Result or an Express Checkout callback',
    });
  });

  it('answers 400 naming the field for an STK callback with a missing ResultCode', async () => {
    const post = await serve({ onStk: () => undefined });
    const answer = await post('/stk', {
      Body: { stkCallback: { MerchantRequestID: 'm', CheckoutRequestID: 'c' } },
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('Body.stkCallback.ResultCode');
  });

  it('answers 500 when the app’s handler throws, reports the error and keeps serving', async () => {
    const errors: unknown[] = [];
    const post = await serve(
      {
        onStk: () => {
          throw new Error('database down');
        },
      },
      { onError: (error) => void errors.push(error) },
    );
    const answer = await post('/stk', readCapture('sandbox/callbacks/stk.json'));
    expect(answer).toEqual({ status: 500, body: { error: 'Callback handler failed' } });
    expect((errors[0] as Error).message).toBe('database down');
    expect((await post('/stk', readCapture('sandbox/callbacks/stk.json'))).status).toBe(500);
  });

  it('answers 413 for a body over the size limit', async () => {
    const post = await serve({ onStk: () => undefined }, { maxBodyBytes: 64 });
    const answer = await post('/stk', readCapture('sandbox/callbacks/stk-success.json'));
    expect(answer.status).toBe(413);
  });

  it('acknowledges a callback kind the app did not register a handler for', async () => {
    const post = await serve({ onStk: () => undefined });
    expect(await post('/result', readCapture('sandbox/callbacks/reversal-result-invalid.json'))).toEqual({
      status: 200,
      body: { ResultCode: 0, ResultDesc: 'Accepted' },
    });
  });
});
