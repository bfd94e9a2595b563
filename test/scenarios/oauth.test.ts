import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { shapeOf } from '../support/captures.js';
import { post, stkBody } from '../support/daraja-requests.js';
import { Emulator } from '../../emulator/src/internals.js';

const generate = '/oauth/v1/generate?grant_type=client_credentials';

describe('OAuth', () => {
  it('issues a 28-character alphanumeric token with expires_in as the string "3599"', async () => {
    const { app } = new Emulator({ clock: 'manual' });
    const res = await request(app).get(generate).auth('anykey', 'anysecret').expect(200);
    expect(res.body.access_token).toMatch(/^[A-Za-z0-9]{28}$/);
    expect(res.body).toEqual({ access_token: res.body.access_token, expires_in: '3599' });
    expect(Object.keys(res.body)).toEqual(['access_token', 'expires_in']);
  });

  it('answers 400.008.01 when the Authorization scheme is not Basic', async () => {
    const { app } = new Emulator({ clock: 'manual' });
    const res = await request(app).get(generate).set('Authorization', 'Bearer abc').expect(400);
    expect(res.body).toMatchObject({
      errorCode: '400.008.01',
      errorMessage: 'Invalid Authentication passed',
    });
    expect(Object.keys(res.body)).toEqual(['requestId', 'errorCode', 'errorMessage']);
  });

  it('answers 400.008.01 when there is no Authorization header at all', async () => {
    const { app } = new Emulator({ clock: 'manual' });
    const res = await request(app).get(generate).expect(400);
    expect(res.body.errorCode).toBe('400.008.01');
  });

  it.each([['password'], ['client_credentials '], ['']])(
    'answers 400.008.02 for grant_type %j',
    async (grant) => {
      const { app } = new Emulator({ clock: 'manual' });
      const res = await request(app)
        .get(`/oauth/v1/generate?grant_type=${encodeURIComponent(grant)}`)
        .auth('k', 's')
        .expect(400);
      expect(res.body).toMatchObject({ errorCode: '400.008.02', errorMessage: 'Invalid grant type passed' });
    },
  );

  it('answers a configured app with the wrong secret with HTTP 400 and an empty body, as Daraja does', async () => {
    const emulator = new Emulator({
      clock: 'manual',
      world: { apps: [{ name: 'shop', consumerKey: 'shopkey', consumerSecret: 'right' }] },
    });
    const res = await request(emulator.app).get(generate).auth('shopkey', 'wrong').expect(400);
    expect(res.text).toBe('');
    const entry = emulator.journal.list({ api: 'oauth' })[0];
    expect(entry?.explanation.join(' ')).toMatch(/consumer secret does not match/);
    expect(JSON.stringify(entry)).not.toContain('wrong');
  });

  it('answers unknown apps with 400 when only configured apps are accepted', async () => {
    const { app } = new Emulator({ clock: 'manual', settings: { oauth: { acceptUnknownApps: false } } });
    await request(app).get(generate).auth('stranger', 'secret').expect(400);
  });

  it('can answer bad credentials with an error envelope instead of an empty body', async () => {
    const { app } = new Emulator({
      clock: 'manual',
      settings: { oauth: { invalidCredentialsBody: 'envelope' } },
    });
    const res = await request(app).get(generate).set('Authorization', 'Basic bm9jb2xvbg==').expect(400);
    expect(res.body.errorCode).toBe('400.008.01');
  });

  it('rejects a token once an hour has passed on the emulator clock', async () => {
    const emulator = new Emulator({ clock: 'manual' });
    const res = await request(emulator.app).get(generate).auth('k', 's').expect(200);
    const bearer = res.body.access_token as string;
    const now = emulator.clock.now();
    await post(emulator.app, '/mpesa/stkpush/v1/processrequest', bearer, stkBody(now)).expect(200);
    await emulator.advance(3600_000);
    const expired = await post(emulator.app, '/mpesa/stkpush/v1/processrequest', bearer, stkBody(now)).expect(
      404,
    );
    expect(expired.body).toMatchObject({ errorCode: '404.001.03', errorMessage: 'Invalid Access Token' });
    expect(emulator.journal.list()[0]?.explanation.join(' ')).toMatch(/expired/);
  });

  it('revokes the previous token of the same app when configured to', async () => {
    const { app } = new Emulator({ clock: 'manual', settings: { oauth: { revokePrevious: true } } });
    const first = (await request(app).get(generate).auth('k', 's')).body.access_token as string;
    const other = (await request(app).get(generate).auth('other', 's')).body.access_token as string;
    await request(app).get(generate).auth('k', 's').expect(200);
    const body = stkBody(Date.UTC(2026, 0, 1, 9));
    await post(app, '/mpesa/stkpush/v1/processrequest', first, body).expect(404);
    await post(app, '/mpesa/stkpush/v1/processrequest', other, body).expect(200);
  });

  it('issues tokens shaped like the ones in the Daraja docs', async () => {
    const { app } = new Emulator({ clock: 'manual' });
    const res = await request(app).get(generate).auth('k', 's');
    const documented = { access_token: 'c9SQxWWhmdVRlyh0zh8gZDTkubVF', expires_in: '3599' };
    expect(shapeOf(res.body)).toEqual(shapeOf(documented));
  });
});
