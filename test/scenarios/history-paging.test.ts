import { expect, it } from 'vitest';
import request from 'supertest';
import { capturingPoster } from '../support/capturing-poster.js';
import { post, stkBody, token } from '../support/daraja-requests.js';
import { Emulator } from '../../emulator/src/internals.js';

const PATH = '/mpesa/stkpush/v1/processrequest';

/** 12 accepted pushes to 12 phones and 3 rejected ones (wrong password). */
async function busyEmulator() {
  const emulator = new Emulator({ clock: 'manual', seed: 3, poster: capturingPoster().poster });
  const bearer = await token(emulator.app);
  for (let i = 0; i < 12; i++) {
    const phone = `2547000000${String(i).padStart(2, '0')}`;
    await post(
      emulator.app,
      PATH,
      bearer,
      stkBody(emulator.clock.now(), { PartyA: phone, PhoneNumber: phone, AccountReference: `ACC-${i}` }),
    ).expect(200);
  }
  for (let i = 0; i < 3; i++) {
    await post(emulator.app, PATH, bearer, stkBody(emulator.clock.now(), { Password: 'd3Jvbmc=' }));
  }
  return emulator;
}

it('pages the transactions newest first and tells the total in X-Total-Count', async () => {
  const emulator = await busyEmulator();
  const first = await request(emulator.app).get('/_emulator/transactions?limit=5').expect(200);
  expect(first.headers['x-total-count']).toBe('12');
  expect(first.body.map((t: { accountReference: string }) => t.accountReference)).toEqual([
    'ACC-11',
    'ACC-10',
    'ACC-9',
    'ACC-8',
    'ACC-7',
  ]);
  const last = await request(emulator.app).get('/_emulator/transactions?limit=5&offset=10').expect(200);
  expect(last.body.map((t: { accountReference: string }) => t.accountReference)).toEqual(['ACC-1', 'ACC-0']);
});

it('searches transactions by account reference, phone or id, whole or in part', async () => {
  const emulator = await busyEmulator();
  const byRef = await request(emulator.app).get('/_emulator/transactions?q=acc-3').expect(200);
  expect(byRef.body).toHaveLength(1);
  expect(byRef.headers['x-total-count']).toBe('1');
  const id = byRef.body[0].id as string;
  const byId = await request(emulator.app).get(`/_emulator/transactions?q=${id}`).expect(200);
  expect(byId.body[0].id).toBe(id);
  const byPhone = await request(emulator.app).get('/_emulator/transactions?q=254700000007').expect(200);
  expect(byPhone.body.map((t: { phone: string }) => t.phone)).toEqual(['254700000007']);
});

it('filters the journal to rejections on the server, however many requests came after them', async () => {
  const emulator = await busyEmulator();
  const res = await request(emulator.app).get('/_emulator/journal?rejected=true&limit=2').expect(200);
  expect(res.headers['x-total-count']).toBe('3');
  expect(res.body).toHaveLength(2);
  expect(res.body.every((e: { status: number }) => e.status >= 400)).toBe(true);
});

it('pages and searches the callback deliveries', async () => {
  const emulator = await busyEmulator();
  for (const t of emulator.transactions.list({ limit: 4 })) emulator.stk.decline(t.id);
  const all = await request(emulator.app).get('/_emulator/deliveries?limit=1').expect(200);
  expect(all.headers['x-total-count']).toBe('4');
  const one = emulator.transactions.list({ limit: 1 })[0]?.id ?? '';
  const found = await request(emulator.app).get(`/_emulator/deliveries?q=${one}`).expect(200);
  expect(found.body.map((d: { transactionId: string }) => d.transactionId)).toEqual([one]);
});

it('refuses an offset that is not a whole number', async () => {
  const emulator = new Emulator({ clock: 'manual' });
  const res = await request(emulator.app).get('/_emulator/journal?offset=-1').expect(400);
  expect(res.body.error.code).toBe('invalid_offset');
});
