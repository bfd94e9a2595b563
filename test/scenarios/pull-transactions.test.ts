import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { PullQueryRows } from 'daraja-client/wire';
import { capture, sandboxAnswer, shapeOf } from '../support/captures.js';
import { JOHN, b2cBody, paths, send, startInitiator } from '../support/initiator.js';
import { c2bPayment, stkPayment } from '../support/initiator-payments.js';
import { b2bBody, b2bPaths } from '../support/b2b.js';
import { token } from '../support/daraja-requests.js';

const registerBody = (overrides: Record<string, unknown> = {}) => ({
  ShortCode: '600984',
  RequestType: 'Pull',
  NominatedNumber: '0722000000',
  CallBackURL: 'https://merchant.example/pull',
  ...overrides,
});

const queryBody = (overrides: Record<string, unknown> = {}) => ({
  ShortCode: '600984',
  StartDate: '2026-01-01 00:00:00',
  EndDate: '2026-01-02 00:00:00',
  OffSetValue: '0',
  ...overrides,
});

async function registered(settings = {}) {
  const started = await startInitiator(settings);
  await send(started.emulator.app, b2bPaths.pullRegister, started.bearer, registerBody()).expect(200);
  return started;
}

describe('Pull Transactions: a shortcode reads back its C2B payments', () => {
  it('registers a shortcode once, as documented, and says so when asked again', async () => {
    const { emulator, bearer } = await startInitiator();
    const first = await send(emulator.app, b2bPaths.pullRegister, bearer, registerBody()).expect(200);
    expect(Object.keys(first.body)).toEqual([
      'ResponseRefID',
      'ResponseStatus',
      'ShortCode',
      'ResponseDescription',
    ]);
    expect(first.body).toMatchObject({
      ResponseStatus: '1000',
      ShortCode: '600984',
      ResponseDescription: 'Shortcode Registered Successfully',
    });
    const again = await send(emulator.app, b2bPaths.pullRegister, bearer, registerBody()).expect(200);
    expect(again.body).toMatchObject({
      ResponseStatus: '1001',
      ResponseDescription: 'ShortCode already Registered',
    });
    const list = await request(emulator.app).get('/_emulator/pull/registrations').expect(200);
    expect(list.body).toEqual([
      expect.objectContaining({ shortcode: '600984', nominatedNumber: '254722000000' }),
    ]);
  });

  it('answers a query for an unregistered shortcode as the live sandbox does', async () => {
    const { emulator, bearer } = await startInitiator();
    const res = await send(emulator.app, b2bPaths.pullQuery, bearer, queryBody()).expect(200);
    const live = sandboxAnswer('pull-query.json').response;
    expect(shapeOf(res.body)).toEqual(shapeOf(live));
    expect(res.body).toMatchObject({
      ResponseCode: '1001',
      ResponseMessage: 'No records found or Organization Name not available',
    });
    expect(emulator.journal.list({ api: 'pull-transactions' })[0]?.explanation.join(' ')).toContain(
      'is not registered for Pull Transactions',
    );
  });

  it('returns the customer payments on the ledger in the documented row shape, and not B2B or B2C movements', async () => {
    const { emulator, bearer, last } = await registered();
    const c2b = await c2bPayment(emulator, 168);
    await send(emulator.app, b2bPaths.b2b, bearer, b2bBody({ PartyA: '600000', PartyB: '600984' })).expect(
      200,
    );
    await last();
    await send(emulator.app, paths.b2cV3, bearer, b2cBody()).expect(200);
    const res = await send(emulator.app, b2bPaths.pullQuery, bearer, queryBody()).expect(200);
    const sample = capture('portal-samples/pull-query-response.json');
    expect(shapeOf(res.body)).toEqual(shapeOf(sample));
    const rows = (res.body as PullQueryRows).Response[0];
    expect(rows).toEqual([
      {
        transactionId: c2b.receipt,
        trxDate: '2026-01-01T09:00:00Z',
        msisdn: Number(JOHN.slice(3)),
        sender: 'John Doe',
        transactiontype: 'c2b-pay-bill-debit',
        billreference: 'ACC-1',
        amount: '168.00',
        organizationname: 'Safaricom Daraja 984',
      },
    ]);
  });

  it('marks till payments as buy goods', async () => {
    const { emulator, bearer } = await startInitiator();
    await send(emulator.app, b2bPaths.pullRegister, bearer, registerBody({ ShortCode: '373132' })).expect(
      200,
    );
    const paid = stkPayment(emulator, 50, '373132');
    const res = await send(
      emulator.app,
      b2bPaths.pullQuery,
      bearer,
      queryBody({ ShortCode: '373132' }),
    ).expect(200);
    expect((res.body as PullQueryRows).Response[0]).toEqual([
      expect.objectContaining({
        transactionId: paid.receipt,
        transactiontype: 'c2b-buy-goods-debit',
        amount: '50.00',
      }),
    ]);
  });

  it('pages by OffSetValue through pull.pageSize rows at a time', async () => {
    const { emulator, bearer } = await registered({ pull: { pageSize: 2 } });
    const receipts = [];
    for (const amount of [10, 20, 30]) receipts.push((await c2bPayment(emulator, amount)).receipt);
    const page = async (offset: string) =>
      (await send(emulator.app, b2bPaths.pullQuery, bearer, queryBody({ OffSetValue: offset })).expect(200))
        .body;
    expect((await page('0')).Response[0].map((r: { transactionId: string }) => r.transactionId)).toEqual(
      receipts.slice(0, 2),
    );
    expect((await page('2')).Response[0].map((r: { transactionId: string }) => r.transactionId)).toEqual(
      receipts.slice(2),
    );
    expect(await page('3')).toMatchObject({ ResponseCode: '1001' });
  });

  it('keeps to the dates asked for and to the last pull.windowHours hours', async () => {
    const { emulator } = await registered();
    await c2bPayment(emulator, 100);
    await emulator.advance(49 * 3_600_000);
    const bearer = await token(emulator.app);
    const later = await c2bPayment(emulator, 200);
    const wide = queryBody({ StartDate: '2025-12-31 00:00', EndDate: '2026-01-04 00:00' });
    const res = await send(emulator.app, b2bPaths.pullQuery, bearer, wide).expect(200);
    expect((res.body as PullQueryRows).Response[0].map((r) => r.transactionId)).toEqual([later.receipt]);
    expect(emulator.journal.list({ api: 'pull-transactions' })[0]?.explanation.join(' ')).toContain(
      'reaches back 48 hours only (pull.windowHours)',
    );
    const before = queryBody({ StartDate: '2026-01-03 00:00:00', EndDate: '2026-01-03 08:00:00' });
    expect((await send(emulator.app, b2bPaths.pullQuery, bearer, before).expect(200)).body).toMatchObject({
      ResponseCode: '1001',
    });
  });

  it.each([
    {
      path: b2bPaths.pullRegister,
      body: registerBody({ ShortCode: '12' }),
      code: '400.001',
      message: 'Invalid ShortCode',
    },
    {
      path: b2bPaths.pullRegister,
      body: registerBody({ ShortCode: '999999' }),
      code: '400.001',
      message: 'Invalid ShortCode',
    },
    {
      path: b2bPaths.pullRegister,
      body: registerBody({ RequestType: 'Push' }),
      code: '400.002.02',
      message: 'Bad Request - Invalid RequestType',
    },
    {
      path: b2bPaths.pullRegister,
      body: registerBody({ NominatedNumber: '12345' }),
      code: '400.002.02',
      message: 'Bad Request - Invalid NominatedNumber',
    },
    {
      path: b2bPaths.pullRegister,
      body: registerBody({ CallBackURL: 'nope' }),
      code: '400.002.02',
      message: 'Bad Request - Invalid CallBackURL',
    },
    {
      path: b2bPaths.pullQuery,
      body: queryBody({ ShortCode: undefined }),
      code: '400.001',
      message: 'Invalid ShortCode',
    },
    {
      path: b2bPaths.pullQuery,
      body: queryBody({ StartDate: '01/01/2026', EndDate: 'x' }),
      code: '400.002.02',
      message: 'Bad Request - Invalid StartDate',
    },
    {
      path: b2bPaths.pullQuery,
      body: queryBody({ EndDate: '2026-02-30 10:00:00' }),
      code: '400.002.02',
      message: 'Bad Request - Invalid EndDate',
    },
    {
      path: b2bPaths.pullQuery,
      body: queryBody({ OffSetValue: '-1' }),
      code: '400.002.02',
      message: 'Bad Request - Invalid OffSetValue',
    },
  ])(
    'answers $message ($code) for a bad field, with the reason in the journal',
    async ({ path, body, code, message }) => {
      const { emulator, bearer } = await startInitiator();
      const res = await send(emulator.app, path, bearer, body).expect(400);
      expect(res.body).toEqual({ requestId: expect.any(String), errorCode: code, errorMessage: message });
      expect(emulator.journal.list({ api: 'pull-transactions' })[0]?.explanation.length).toBeGreaterThan(0);
    },
  );

  it('answers a bad token as the live sandbox does', async () => {
    const { emulator } = await startInitiator();
    const res = await send(emulator.app, b2bPaths.pullRegister, 'nope', registerBody()).expect(401);
    const live = sandboxAnswer('pull-register.json').response;
    expect(shapeOf(res.body)).toEqual(shapeOf(live));
    expect(res.body).toMatchObject({
      errorCode: '401.001',
      errorMessage: 'Error Occurred - Invalid Access Token - ',
    });
  });
});
