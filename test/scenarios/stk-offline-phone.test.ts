import { expect, it } from 'vitest';
import request from 'supertest';
import type { StkCallback } from 'daraja-client/wire';
import { capturingPoster } from '../support/capturing-poster.js';
import { MSISDN, post, stkBody, token } from '../support/daraja-requests.js';
import { Emulator } from '../../emulator/src/internals.js';

const PATH = '/mpesa/stkpush/v1/processrequest';

async function offlinePush() {
  const sink = capturingPoster();
  const emulator = new Emulator({ clock: 'manual', seed: 7, poster: sink.poster });
  await request(emulator.app).patch(`/_emulator/customers/${MSISDN}`).send({ offline: true }).expect(200);
  const bearer = await token(emulator.app);
  const res = await post(emulator.app, PATH, bearer, stkBody(emulator.clock.now())).expect(200);
  return { emulator, sink, id: res.body.CheckoutRequestID as string };
}

it('marks a prompt pushed to an offline phone as unreachable', async () => {
  const { emulator, id } = await offlinePush();
  const res = await request(emulator.app).get(`/_emulator/transactions/${id}`).expect(200);
  expect(res.body).toMatchObject({ status: 'pending', unreachable: true });
});

it('refuses to accept or decline a prompt that never reached the phone, with a plain reason', async () => {
  const { emulator, id } = await offlinePush();
  const accepted = await request(emulator.app).post(`/_emulator/stk/${id}/accept`).send({ pin: '1234' });
  expect(accepted.status).toBe(409);
  expect(accepted.body.error.code).toBe('phone_unreachable');
  expect(accepted.body.error.message).toMatch(/never reached 254708374149/);
  const declined = await request(emulator.app).post(`/_emulator/stk/${id}/decline`);
  expect(declined.status).toBe(409);
  expect(emulator.transactions.get(id)?.status).toBe('pending');
});

it('keeps refusing after the phone comes back online, and ends the prompt as unreachable when timed out by hand', async () => {
  const { emulator, sink, id } = await offlinePush();
  await request(emulator.app).patch(`/_emulator/customers/${MSISDN}`).send({ offline: false }).expect(200);
  await request(emulator.app).post(`/_emulator/stk/${id}/accept`).send({ pin: '1234' }).expect(409);
  await request(emulator.app).post(`/_emulator/stk/${id}/timeout`).expect(200);
  await emulator.runAll();
  expect((sink.received[0]?.body as StkCallback).Body.stkCallback).toMatchObject({
    ResultCode: 1037,
    ResultDesc: 'DS timeout user cannot be reached',
  });
});

it('refuses an answer from a phone that went offline while its prompt was open', async () => {
  const sink = capturingPoster();
  const emulator = new Emulator({ clock: 'manual', seed: 7, poster: sink.poster });
  const bearer = await token(emulator.app);
  const res = await post(emulator.app, PATH, bearer, stkBody(emulator.clock.now())).expect(200);
  const id = res.body.CheckoutRequestID as string;
  expect(emulator.transactions.get(id)?.unreachable).toBeUndefined();
  await request(emulator.app).patch(`/_emulator/customers/${MSISDN}`).send({ offline: true }).expect(200);
  const accepted = await request(emulator.app).post(`/_emulator/stk/${id}/accept`).send({ pin: '1234' });
  expect(accepted.status).toBe(409);
  expect(accepted.body.error.message).toMatch(/is offline/);
});
