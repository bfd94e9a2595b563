import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { C2bRegistrationView } from 'daraja-client/emulator';
import { keyOrder, sandboxAnswer, shapeOf } from '../support/captures.js';
import { token } from '../support/daraja-requests.js';
import { CONFIRMATION_URL, VALIDATION_URL, register, registerBody } from '../support/c2b.js';
import { Emulator, type EmulatorOptions } from '../../emulator/src/internals.js';

async function start(settings: EmulatorOptions = {}): Promise<{ emulator: Emulator; bearer: string }> {
  const emulator = new Emulator({ clock: 'manual', store: 'memory', seed: 1, ...settings });
  return { emulator, bearer: await token(emulator.app) };
}

async function registrations(emulator: Emulator): Promise<C2bRegistrationView[]> {
  return (await request(emulator.app).get('/_emulator/c2b/registrations').expect(200))
    .body as C2bRegistrationView[];
}

describe('C2B Register URL', () => {
  it('answers v2 key for key and type for type like the sandbox capture, misspelt key included', async () => {
    const { emulator, bearer } = await start();
    const res = await register(emulator.app, bearer, registerBody(), 'v2');
    const captured = sandboxAnswer<Record<string, string>>('c2b-register.json');
    expect(res.status).toBe(captured.status);
    expect(shapeOf(res.body)).toEqual(shapeOf(captured.response));
    expect(keyOrder(res.body)).toEqual(keyOrder(captured.response));
    expect(res.body.ResponseCode).toBe('00000000');
    expect(res.body.ResponseDescription).toBe('Success');
    expect(res.body.OriginatorCoversationID).toMatch(
      /^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\d{7}$/,
    );
  });

  it('answers v1 as the current portal page shows it', async () => {
    const { emulator, bearer } = await start();
    const res = await register(emulator.app, bearer, registerBody(), 'v1').expect(200);
    expect(Object.keys(res.body)).toEqual(['OriginatorCoversationID', 'ResponseCode', 'ResponseDescription']);
    expect(res.body.ResponseCode).toBe('0');
    expect(res.body.ResponseDescription).toBe('success');
  });

  it('stores the registration per shortcode with its version, for the control API to list', async () => {
    const { emulator, bearer } = await start();
    await register(emulator.app, bearer, registerBody({ ShortCode: 600984 }), 'v1').expect(200);
    await register(
      emulator.app,
      bearer,
      registerBody({ ShortCode: '373132', ResponseType: 'Cancelled', ValidationURL: undefined }),
      'v2',
    ).expect(200);
    const list = await registrations(emulator);
    expect(list).toEqual([
      {
        shortcode: '600984',
        responseType: 'Completed',
        confirmationUrl: CONFIRMATION_URL,
        validationUrl: VALIDATION_URL,
        version: 'v1',
        registeredAt: emulator.clock.now(),
      },
      {
        shortcode: '373132',
        responseType: 'Cancelled',
        confirmationUrl: CONFIRMATION_URL,
        version: 'v2',
        registeredAt: emulator.clock.now(),
      },
    ]);
  });

  it.each([
    ['ShortCode missing', { ShortCode: undefined }, 'ShortCode'],
    ['ShortCode too short', { ShortCode: '1234' }, 'ShortCode'],
    ['ShortCode not digits', { ShortCode: 'shop' }, 'ShortCode'],
    ['ResponseType missing', { ResponseType: undefined }, 'ResponseType'],
    ['ResponseType spelt Canceled', { ResponseType: 'Canceled' }, 'ResponseType'],
    ['ResponseType in lower case', { ResponseType: 'completed' }, 'ResponseType'],
    ['ConfirmationURL missing', { ConfirmationURL: undefined }, 'ConfirmationURL'],
    [
      'ConfirmationURL spelt ConfirmationUrl',
      { ConfirmationURL: undefined, ConfirmationUrl: CONFIRMATION_URL },
      'ConfirmationURL',
    ],
    [
      'ConfirmationURL with a placeholder',
      { ConfirmationURL: 'https://<your-ngrok-url>/confirm' },
      'ConfirmationURL',
    ],
    ['ConfirmationURL not absolute', { ConfirmationURL: '/confirmation' }, 'ConfirmationURL'],
    [
      'ConfirmationURL with the word mpesa',
      { ConfirmationURL: 'https://shop.example/mpesa/confirmation' },
      'ConfirmationURL',
    ],
    [
      'ConfirmationURL with the word Safaricom',
      { ConfirmationURL: 'https://safaricom-callbacks.example/c' },
      'ConfirmationURL',
    ],
    [
      'ConfirmationURL with the word M-PESA',
      { ConfirmationURL: 'https://shop.example/M-PESA/c' },
      'ConfirmationURL',
    ],
    [
      'ConfirmationURL with the word query',
      { ConfirmationURL: 'https://shop.example/c?query=1' },
      'ConfirmationURL',
    ],
    [
      'ConfirmationURL with the word exe',
      { ConfirmationURL: 'https://shop.example/run.exe' },
      'ConfirmationURL',
    ],
    [
      'ConfirmationURL with the word cmd',
      { ConfirmationURL: 'https://shop.example/cmd/c' },
      'ConfirmationURL',
    ],
    [
      'ConfirmationURL with the word sql',
      { ConfirmationURL: 'https://shop.example/sql/c' },
      'ConfirmationURL',
    ],
    [
      'ValidationURL with the word MPESA',
      { ValidationURL: 'https://shop.example/MPESA/validate' },
      'ValidationURL',
    ],
    ['ValidationURL not a URL', { ValidationURL: 'validate please' }, 'ValidationURL'],
  ])('rejects a registration with %s as 400.002.02 Invalid <Field>', async (_case, overrides, field) => {
    const { emulator, bearer } = await start();
    const res = await register(emulator.app, bearer, registerBody(overrides)).expect(400);
    expect(res.body).toEqual({
      requestId: expect.any(String),
      errorCode: '400.002.02',
      errorMessage: `Bad Request - Invalid ${field}`,
    });
    expect(await registrations(emulator)).toEqual([]);
  });

  it('reports the first bad field when several are wrong, in the documented order', async () => {
    const { emulator, bearer } = await start();
    const res = await register(
      emulator.app,
      bearer,
      registerBody({ ResponseType: 'Maybe', ConfirmationURL: 'nope' }),
    ).expect(400);
    expect(res.body.errorMessage).toBe('Bad Request - Invalid ResponseType');
  });

  it('explains a rejected registration in plain English in the journal', async () => {
    const { emulator, bearer } = await start();
    await register(emulator.app, bearer, registerBody({ ResponseType: 'Canceled' })).expect(400);
    const entry = emulator.journal.list({ api: 'c2b-register' })[0];
    expect(entry?.explanation.join(' ')).toMatch(/"Cancelled", with two l/);
  });

  it('accepts the forbidden words when the keyword rule is turned off', async () => {
    const { emulator, bearer } = await start({ settings: { c2b: { forbidUrlWords: false } } });
    await register(
      emulator.app,
      bearer,
      registerBody({ ConfirmationURL: 'http://localhost:3000/mpesa/confirmation' }),
    ).expect(200);
    expect((await registrations(emulator))[0]?.confirmationUrl).toBe(
      'http://localhost:3000/mpesa/confirmation',
    );
  });

  it('accepts a registration without a ValidationURL', async () => {
    const { emulator, bearer } = await start();
    await register(emulator.app, bearer, registerBody({ ValidationURL: undefined })).expect(200);
    expect((await registrations(emulator))[0]).not.toHaveProperty('validationUrl');
  });

  it('refuses the STK-only shortcode 174379 with the documented register error', async () => {
    const { emulator, bearer } = await start();
    const res = await register(emulator.app, bearer, registerBody({ ShortCode: 174379 })).expect(500);
    expect(res.body).toMatchObject({ errorCode: '500.003.1001', errorMessage: 'Internal Server Error' });
  });

  it('refuses a shortcode the emulator does not know as Invalid ShortCode', async () => {
    const { emulator, bearer } = await start();
    const res = await register(emulator.app, bearer, registerBody({ ShortCode: '999999' })).expect(400);
    expect(res.body.errorMessage).toBe('Bad Request - Invalid ShortCode');
  });

  it('lets an app register again in the default sandbox mode; the latest registration wins', async () => {
    const { emulator, bearer } = await start();
    await register(emulator.app, bearer, registerBody(), 'v1').expect(200);
    await register(
      emulator.app,
      bearer,
      registerBody({ ResponseType: 'Cancelled', ConfirmationURL: 'https://other.example/c' }),
      'v2',
    ).expect(200);
    const list = await registrations(emulator);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      version: 'v2',
      responseType: 'Cancelled',
      confirmationUrl: 'https://other.example/c',
    });
  });

  it('answers 500.003.1001 "Urls are already registered." in production-like mode until the URLs are deleted', async () => {
    const { emulator, bearer } = await start({ settings: { c2b: { reRegistration: 'reject' } } });
    await register(emulator.app, bearer, registerBody()).expect(200);
    const again = await register(
      emulator.app,
      bearer,
      registerBody({ ConfirmationURL: 'https://other.example/c' }),
    ).expect(500);
    expect(again.body).toMatchObject({
      errorCode: '500.003.1001',
      errorMessage: 'Urls are already registered.',
    });
    expect((await registrations(emulator))[0]?.confirmationUrl).toBe(CONFIRMATION_URL);
    await request(emulator.app).delete('/_emulator/c2b/registrations/600984').expect(204);
    await register(emulator.app, bearer, registerBody({ ConfirmationURL: 'https://other.example/c' })).expect(
      200,
    );
  });

  it.each(['v1', 'v2'] as const)(
    'answers a bad token on %s with 400.003.01 Invalid Access Token, as documented for C2B',
    async (version) => {
      const { emulator } = await start();
      const res = await register(emulator.app, 'not-a-token', registerBody(), version).expect(400);
      expect(res.body).toMatchObject({ errorCode: '400.003.01', errorMessage: 'Invalid Access Token' });
      const missing = await request(emulator.app)
        .post(`/mpesa/c2b/${version}/registerurl`)
        .send(registerBody())
        .expect(400);
      expect(missing.body.errorCode).toBe('400.003.01');
    },
  );

  it('reads a form-encoded body as empty and reports ShortCode, as Daraja does with non-JSON bodies', async () => {
    const { emulator, bearer } = await start();
    const res = await request(emulator.app)
      .post('/mpesa/c2b/v2/registerurl')
      .set('Authorization', `Bearer ${bearer}`)
      .type('form')
      .send({ ShortCode: '600984' })
      .expect(400);
    expect(res.body.errorMessage).toBe('Bad Request - Invalid ShortCode');
  });
});
