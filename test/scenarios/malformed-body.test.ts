import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { DarajaPaths } from 'daraja-client/wire';
import type { SettingsPatch } from 'daraja-client/emulator';
import { token } from '../support/daraja-requests.js';
import { Emulator } from '../../emulator/src/internals.js';

const BROKEN_JSON = '{"ShortCode": "600984",';

async function sendBroken(path: string, raw = BROKEN_JSON, settings: SettingsPatch = {}) {
  const emulator = new Emulator({ clock: 'manual', settings });
  const bearer = await token(emulator.app);
  const res = await request(emulator.app)
    .post(path)
    .set('Authorization', `Bearer ${bearer}`)
    .set('Content-Type', 'application/json')
    .send(raw);
  return { emulator, res };
}

/** Where Daraja's documentation gives the answer to a malformed body: 400.002.05 (SPEC 1.4, 5.1). */
const DOCUMENTED = [
  DarajaPaths.c2bRegisterV1,
  DarajaPaths.c2bRegisterV2,
  DarajaPaths.c2bSimulateV1,
  DarajaPaths.c2bSimulateV2,
  DarajaPaths.transactionStatus,
];

/** Where it does not: the first field checked is reported, as for a body Daraja could not read (SPEC 1.3). */
const FIRST_FIELD: [string, string][] = [
  [DarajaPaths.stkPush, 'BusinessShortCode'],
  [DarajaPaths.stkQuery, 'BusinessShortCode'],
  [DarajaPaths.b2cV1, 'InitiatorName'],
  [DarajaPaths.b2cV3, 'OriginatorConversationID'],
  [DarajaPaths.b2pochi, 'OriginatorConversationID'],
  [DarajaPaths.accountBalance, 'Initiator'],
  [DarajaPaths.reversal, 'Initiator'],
];

describe('a malformed JSON body', () => {
  it.each(DOCUMENTED)(
    'is answered on %s with 400.002.05 Invalid Request Payload, explained',
    async (path) => {
      const { emulator, res } = await sendBroken(path);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        requestId: res.body.requestId,
        errorCode: '400.002.05',
        errorMessage: 'Invalid Request Payload',
      });
      expect(emulator.journal.list()[0]?.explanation.join(' ')).toMatch(/not valid JSON/);
    },
  );

  it.each(DOCUMENTED)('that is JSON but not an object is answered on %s as a malformed one', async (path) => {
    const { res } = await sendBroken(path, '[1,2]');
    expect(res.body.errorCode).toBe('400.002.05');
  });

  it.each(FIRST_FIELD)('is answered on %s by naming its first field, %s', async (path, field) => {
    const { res } = await sendBroken(path);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      errorCode: '400.002.02',
      errorMessage: `Bad Request - Invalid ${field}`,
    });
  });

  it('is answered 400.002.05 everywhere or nowhere when configured so', async () => {
    const everywhere = await sendBroken(DarajaPaths.stkPush, BROKEN_JSON, {
      http: { malformedBody: 'invalid-payload' },
    });
    expect(everywhere.res.body.errorCode).toBe('400.002.05');
    const nowhere = await sendBroken(DarajaPaths.c2bRegisterV2, BROKEN_JSON, {
      http: { malformedBody: 'first-field' },
    });
    expect(nowhere.res.body.errorCode).toBe('400.002.02');
  });

  it('is checked after the token, as Daraja answers a bad token first', async () => {
    const emulator = new Emulator({ clock: 'manual' });
    const res = await request(emulator.app)
      .post(DarajaPaths.c2bRegisterV1)
      .set('Authorization', 'Bearer made-up')
      .set('Content-Type', 'application/json')
      .send(BROKEN_JSON);
    expect(res.body.errorCode).toBe('400.003.01');
  });
});
