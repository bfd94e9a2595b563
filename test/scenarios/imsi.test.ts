import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { DarajaPaths } from 'daraja-client/wire';
import { post, token } from '../support/daraja-requests.js';
import { Emulator } from '../../emulator/src/internals.js';

const CUSTOMER = '254722000000';
const DAY = 24 * 3600_000;

async function start() {
  // The manual clock starts at 2026-01-01 12:00 EAT.
  const emulator = new Emulator({ clock: 'manual', seed: 2 });
  // A fresh token each time: tests move the clock by weeks, far past a token's hour.
  const check = async (path: string, body: unknown, status = 200) =>
    post(emulator.app, path, await token(emulator.app), body).expect(status);
  return { emulator, check };
}

describe('IMSI and SIM Swap checks', () => {
  it('answers the IMSI check in the portal sample shape: no recent swap, an established line', async () => {
    const { check } = await start();
    const res = await check(DarajaPaths.imsi, { customerNumber: CUSTOMER });
    expect(Object.keys(res.body)).toEqual([
      'requestRefID',
      'responseCode',
      'responseDesc',
      'imsi',
      'lastSwapDate',
      'msisdnRegistrationDate',
      'customerNumber',
    ]);
    expect(res.body).toMatchObject({
      responseCode: '200',
      responseDesc: 'Success',
      lastSwapDate: '01-01-1900 00:00',
      msisdnRegistrationDate: '02-01-2024',
      customerNumber: CUSTOMER,
    });
    expect(res.body.imsi).toMatch(/^[1-9]\d{15}$/);
    expect(res.body.requestRefID).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\d{7}$/);
  });

  it('reports a swap made on the phone within three months, with a new IMSI, in both products', async () => {
    const { emulator, check } = await start();
    const before = (await check(DarajaPaths.imsi, { customerNumber: Number(CUSTOMER) })).body.imsi;
    await request(emulator.app).post(`/_emulator/sims/${CUSTOMER}/swap`).expect(200);
    await emulator.advance(40 * DAY);
    const imsi = await check(DarajaPaths.imsi, { customerNumber: CUSTOMER });
    expect(imsi.body.lastSwapDate).toBe('01-01-2026');
    expect(imsi.body.imsi).not.toBe(before);
    const swap = await check(DarajaPaths.simSwap, { customerNumber: CUSTOMER });
    expect(swap.body).toEqual({
      requestRefID: swap.body.requestRefID,
      responseCode: '200',
      responseDesc: 'Success',
      lastSwapDate: '01-01-2026 12:00',
    });
    expect(emulator.journal.list()[0]?.explanation.join(' ')).toMatch(/swapped on 01-01-2026 12:00.*within/);
  });

  it('answers the 1900 date again once the swap is more than three months old', async () => {
    const { emulator, check } = await start();
    await request(emulator.app).post(`/_emulator/sims/${CUSTOMER}/swap`).expect(200);
    await emulator.advance(93 * DAY);
    const swap = await check(DarajaPaths.simSwap, { customerNumber: CUSTOMER });
    expect(swap.body.lastSwapDate).toBe('01-01-1900 00:00');
  });

  it('takes registration and swap dates set through the control API, and clears a swap', async () => {
    const { emulator, check } = await start();
    const set = await request(emulator.app)
      .patch(`/_emulator/sims/${CUSTOMER}`)
      .send({ registeredAt: '2025-10-15T09:00:00+03:00', lastSwapAt: Date.UTC(2025, 11, 20, 7, 30) })
      .expect(200);
    expect(set.body).toMatchObject({ msisdn: CUSTOMER, swaps: 1 });
    const imsi = await check(DarajaPaths.imsi, { customerNumber: CUSTOMER });
    expect(imsi.body).toMatchObject({ msisdnRegistrationDate: '15-10-2025', lastSwapDate: '20-12-2025' });
    await request(emulator.app).patch(`/_emulator/sims/${CUSTOMER}`).send({ lastSwapAt: null }).expect(200);
    expect((await check(DarajaPaths.simSwap, { customerNumber: CUSTOMER })).body.lastSwapDate).toBe(
      '01-01-1900 00:00',
    );
    await request(emulator.app)
      .patch(`/_emulator/sims/${CUSTOMER}`)
      .send({ lastSwapAt: 'yesterday' })
      .expect(400);
  });

  it.each([[undefined], ['0722000000'], ['+254722000000'], ['25472200000']])(
    'rejects customerNumber %j with Daraja’s envelope and explains why',
    async (customerNumber) => {
      const { emulator, check } = await start();
      const res = await check(DarajaPaths.simSwap, { customerNumber }, 400);
      expect(res.body).toEqual({
        requestId: res.body.requestId,
        errorCode: '400.002.02',
        errorMessage: 'Bad Request - Invalid customerNumber',
      });
      expect(emulator.journal.list()[0]?.explanation.join(' ')).toMatch(/customerNumber/);
    },
  );

  it('answers a bad token with 404.001.03 and follows fault rules like the other APIs', async () => {
    const { emulator, check } = await start();
    await post(emulator.app, DarajaPaths.imsi, 'made-up', { customerNumber: CUSTOMER }).expect(404);
    await request(emulator.app)
      .post('/_emulator/faults')
      .send({ match: { endpoint: 'sim-swap' }, effect: { type: 'error', error: 'spike-arrest' } })
      .expect(201);
    const res = await check(DarajaPaths.simSwap, { customerNumber: CUSTOMER }, 500);
    expect(res.body.errorCode).toBe('500.003.02');
    await check(DarajaPaths.imsi, { customerNumber: CUSTOMER });
  });

  it('forgets swaps on reset', async () => {
    const { emulator, check } = await start();
    await request(emulator.app).post(`/_emulator/sims/${CUSTOMER}/swap`).expect(200);
    emulator.reset();
    expect((await check(DarajaPaths.simSwap, { customerNumber: CUSTOMER })).body.lastSwapDate).toBe(
      '01-01-1900 00:00',
    );
  });
});
