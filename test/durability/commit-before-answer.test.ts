import request from 'supertest';
import { afterEach, expect, test } from 'vitest';
import { MemoryStore } from '../../emulator/src/store/memory-store.js';
import { basicAuth, phoneNumber, stkPushBody } from '../../emulator/src/bench/stk-fixture.js';
import { Emulator } from '../../emulator/src/internals.js';

/** A store whose next commits fail, as a full disk would make them. */
class FailingCommits extends MemoryStore {
  failing = false;
  override commit(): void {
    if (this.failing) throw new Error('ENOSPC: no space left on device, write');
  }
}

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

test('an STK push whose records cannot be made durable is answered with an internal error, never acknowledged', async () => {
  const store = new FailingCommits();
  const logged: string[] = [];
  emulator = new Emulator({ clock: 'manual', store, uiDir: false, log: (line) => logged.push(line) });
  const token = await request(emulator.app)
    .get('/oauth/v1/generate?grant_type=client_credentials')
    .set('Authorization', basicAuth('key', 'secret'));
  store.failing = true;
  const push = await request(emulator.app)
    .post('/mpesa/stkpush/v1/processrequest')
    .set('Authorization', `Bearer ${token.body.access_token as string}`)
    .send(stkPushBody(phoneNumber(7), 'http://127.0.0.1:9/cb'));
  expect(push.status).toBe(500);
  expect(push.body).toMatchObject({ errorCode: '500.001.1001', errorMessage: 'Internal Server Error' });
  expect(push.body).not.toHaveProperty('CheckoutRequestID');
  expect(logged.join('\n')).toMatch(/ENOSPC/);
  // The journal says what the client got.
  const entry = emulator.journal.list({ limit: 1 })[0];
  expect(entry).toMatchObject({ path: '/mpesa/stkpush/v1/processrequest', status: 500 });
  expect(entry?.responseBody).toMatchObject({ errorCode: '500.001.1001' });
  store.failing = false;
  const next = await request(emulator.app)
    .post('/mpesa/stkpush/v1/processrequest')
    .set('Authorization', `Bearer ${token.body.access_token as string}`)
    .send(stkPushBody(phoneNumber(8), 'http://127.0.0.1:9/cb'));
  expect(next.status).toBe(200);
  expect(next.body.ResponseCode).toBe('0');
});
