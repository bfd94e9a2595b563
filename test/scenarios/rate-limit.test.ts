import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { SettingsPatch } from 'daraja-client/emulator';
import { token } from '../support/daraja-requests.js';
import { Emulator } from '../../emulator/src/internals.js';

const QUERY = '/mpesa/stkpushquery/v1/query';

async function limited(settings: SettingsPatch) {
  const emulator = new Emulator({ clock: 'manual', settings });
  const bearer = await token(emulator.app, 'app-a', 's');
  return { emulator, bearer };
}

/** Sends an (invalid) STK query: 400 when it gets through, 500.003.02 when the spike arrest stops it. */
const call = (emulator: Emulator, bearer: string) =>
  request(emulator.app).post(QUERY).set('Authorization', `Bearer ${bearer}`).send({});

async function codes(emulator: Emulator, bearer: string, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push((await call(emulator, bearer)).body.errorCode as string);
  return out;
}

const SPIKE = '500.003.02';
const THROUGH = '400.002.02';

describe('rate limiting (spike arrest)', () => {
  it('is off by default', async () => {
    const { emulator, bearer } = await limited({});
    expect(await codes(emulator, bearer, 30)).not.toContain(SPIKE);
  });

  it('answers 500.003.02 "Error Occurred: Spike Arrest Violation" beyond tps requests in a second of emulator time', async () => {
    const { emulator, bearer } = await limited({ rateLimit: { tps: 2 } });
    expect(await codes(emulator, bearer, 2)).toEqual([THROUGH, THROUGH]);
    const refused = await call(emulator, bearer).expect(500);
    expect(refused.body).toEqual({
      requestId: refused.body.requestId,
      errorCode: SPIKE,
      errorMessage: 'Error Occurred: Spike Arrest Violation',
    });
    expect(emulator.journal.list()[0]?.explanation.join(' ')).toMatch(/Rate limit: more than 2 request/);
    await emulator.advance(999);
    expect(await codes(emulator, bearer, 1)).toEqual([SPIKE]);
    await emulator.advance(1);
    expect(await codes(emulator, bearer, 3)).toEqual([THROUGH, THROUGH, SPIKE]);
  });

  it('answers with the configured status, e.g. Apigee’s native 429', async () => {
    const { emulator, bearer } = await limited({ rateLimit: { tps: 1, status: 429 } });
    await call(emulator, bearer).expect(400);
    const res = await call(emulator, bearer).expect(429);
    expect(res.body.errorCode).toBe(SPIKE);
  });

  it('counts each app on its own with scope app, and everyone together with scope global', async () => {
    const perApp = await limited({ rateLimit: { tps: 1, scope: 'app' } });
    const otherApp = await token(perApp.emulator.app, 'app-b', 's');
    expect(await codes(perApp.emulator, perApp.bearer, 1)).toEqual([THROUGH]);
    expect(await codes(perApp.emulator, otherApp, 1)).toEqual([THROUGH]);

    const global = await limited({ rateLimit: { tps: 1, scope: 'global' } });
    const another = await token(global.emulator.app, 'app-b', 's');
    expect(await codes(global.emulator, global.bearer, 1)).toEqual([THROUGH]);
    expect(await codes(global.emulator, another, 1)).toEqual([SPIKE]);
  });

  it('allows one request every 1000/tps ms with the smooth algorithm', async () => {
    const { emulator, bearer } = await limited({ rateLimit: { tps: 2, algorithm: 'smooth' } });
    expect(await codes(emulator, bearer, 2)).toEqual([THROUGH, SPIKE]);
    await emulator.advance(499);
    expect(await codes(emulator, bearer, 1)).toEqual([SPIKE]);
    await emulator.advance(1);
    expect(await codes(emulator, bearer, 1)).toEqual([THROUGH]);
  });

  it('does not count token requests', async () => {
    const { emulator, bearer } = await limited({ rateLimit: { tps: 1 } });
    for (let i = 0; i < 5; i++) await token(emulator.app, 'app-a', 's');
    expect(await codes(emulator, bearer, 1)).toEqual([THROUGH]);
  });

  it('can be switched on at runtime through the settings', async () => {
    const { emulator, bearer } = await limited({});
    await request(emulator.app)
      .patch('/_emulator/settings')
      .send({ rateLimit: { tps: 1 } })
      .expect(200);
    expect(await codes(emulator, bearer, 2)).toEqual([THROUGH, SPIKE]);
    const bad = await request(emulator.app)
      .patch('/_emulator/settings')
      .send({ rateLimit: { status: 200 } })
      .expect(400);
    expect(bad.body.error.message).toMatch(/rateLimit.status/);
  });
});
