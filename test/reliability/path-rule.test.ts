import request from 'supertest';
import { expect, test } from 'vitest';
import { endpointKey } from '../../emulator/src/http/endpoint-key.js';
import { stkBody, token } from '../support/daraja-requests.js';
import { Emulator } from '../../emulator/src/internals.js';

// One rule says which endpoint a path is: routing, fault rules and the journal agree on every case and
// slash variant (issue 12, item 7).

const OAUTH_VARIANTS = [
  '/oauth/v1/generate',
  '/oauth/v1/generate/',
  '/oauth/v1/generate//',
  '/OAuth/v1/generate',
  '/OAUTH/V1/GENERATE/',
];
const STK_VARIANTS = [
  '/mpesa/stkpush/v1/processrequest',
  '/mpesa/stkpush/v1/processrequest/',
  '/MPESA/StkPush/v1/ProcessRequest',
  '/Mpesa/stkpush/V1/processrequest//',
];

test.each(OAUTH_VARIANTS)(
  '%s is the token endpoint for routing, fault rules and the journal',
  async (path) => {
    const emulator = new Emulator({ clock: 'manual', store: 'memory', seed: 1 });
    expect(
      (await request(emulator.app).get(`${path}?grant_type=client_credentials`).auth('k', 's')).status,
    ).toBe(200);
    emulator.faults.rules.add([
      {
        name: 'oauth-down',
        match: { endpoint: 'oauth' },
        effect: { type: 'error', error: 'system-busy', status: 503 },
      },
    ]);
    const res = await request(emulator.app).get(`${path}?grant_type=client_credentials`).auth('k', 's');
    expect(res.status).toBe(503);
    const [entry] = emulator.journal.list({ limit: 1 });
    expect(entry).toMatchObject({ path, api: 'oauth', status: 503, rules: ['oauth-down'] });
  },
);

test.each(STK_VARIANTS)(
  '%s is the STK push endpoint for routing, fault rules and the journal',
  async (path) => {
    const emulator = new Emulator({ clock: 'manual', store: 'memory', seed: 1 });
    const bearer = await token(emulator.app);
    const body = stkBody(emulator.clock.now());
    const routed = await request(emulator.app).post(path).set('Authorization', `Bearer ${bearer}`).send(body);
    expect(routed.status).toBe(200);
    expect(emulator.journal.list({ limit: 1 })[0]).toMatchObject({ path, api: 'stk-push', status: 200 });
    for (const endpoint of [
      'stk-push',
      'stkPush',
      '/mpesa/stkpush/v1/processrequest',
      '/MPESA/stkpush/v1/processrequest/',
    ]) {
      emulator.faults.rules.replace([
        {
          name: `busy ${endpoint}`,
          match: { endpoint },
          effect: { type: 'error', error: 'system-busy', status: 503 },
        },
      ]);
      const res = await request(emulator.app).post(path).set('Authorization', `Bearer ${bearer}`).send(body);
      expect(res.status, endpoint).toBe(503);
      expect(emulator.journal.list({ limit: 1 })[0], endpoint).toMatchObject({
        path,
        api: 'stk-push',
        status: 503,
        rules: [`busy ${endpoint}`],
      });
    }
  },
);

test.each([
  ['/oauth/v1/generate', '/oauth/v1/generate'],
  ['/OAuth/v1/generate/', '/oauth/v1/generate'],
  ['/mpesa/stkpush/v1/processrequest///', '/mpesa/stkpush/v1/processrequest'],
  ['/', '/'],
  ['//', '/'],
  ['/_Emulator/Health', '/_emulator/health'],
])('endpointKey(%s) is %s', (path, key) => {
  expect(endpointKey(path)).toBe(key);
});
