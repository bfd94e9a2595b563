import { hostname } from 'node:os';
import request from 'supertest';
import { afterEach, expect, test } from 'vitest';
import { b2cBody } from '../support/initiator.js';
import { registerBody } from '../support/c2b.js';
import { stkBody, token } from '../support/daraja-requests.js';
import { Emulator } from '../../emulator/src/internals.js';

// Callbacks never reach the emulator's own control API, whatever name or address the URL uses; when the
// emulator listens beyond loopback, link-local and metadata addresses are refused too (issue 12, item 2).

const open: Emulator[] = [];
afterEach(async () => {
  for (const e of open.splice(0)) await e.close();
});

async function listening(host = '127.0.0.1') {
  const emulator = new Emulator({
    store: 'memory',
    uiDir: false,
    settings: { stk: { defaultOutcome: 'accept' } },
  });
  open.push(emulator);
  const { port } = await emulator.listen(0, host);
  const bearer = await token(emulator.app);
  return { emulator, port, bearer };
}

const push = (e: Emulator, bearer: string, url: string) =>
  request(e.app)
    .post('/mpesa/stkpush/v1/processrequest')
    .set('Authorization', `Bearer ${bearer}`)
    .send(stkBody(e.clock.now(), { CallBackURL: url }));

test.each([
  (p: number) => `http://127.0.0.1:${p}/_emulator/reset`,
  (p: number) => `http://localhost:${p}/_emulator/reset`,
  (p: number) => `http://LocalHost.:${p}/_emulator/reset`,
  (p: number) => `http://app.localhost:${p}/_emulator/reset`,
  (p: number) => `http://[::1]:${p}/_emulator/reset`,
  (p: number) => `http://[::ffff:127.0.0.1]:${p}/_emulator/reset`,
  (p: number) => `http://2130706433:${p}/_emulator/reset`,
  (p: number) => `http://0.0.0.0:${p}/_emulator/reset`,
  (p: number) => `http://127.0.0.1:${p}/mpesa/stkpush/v1/processrequest`,
  (p: number) => `http://${hostname()}:${p}/_EMULATOR/reset`,
])(
  'a push whose CallBackURL leads back into the emulator is refused and changes nothing (%#)',
  async (url) => {
    const { emulator, port, bearer } = await listening();
    const before = emulator.ledger.customers.size;
    await request(emulator.app)
      .post('/_emulator/customers')
      .send({ msisdn: '254700000777', name: 'Marker' })
      .expect(201);
    const res = await push(emulator, bearer, url(port));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      errorCode: '400.002.02',
      errorMessage: 'Bad Request - Invalid CallBackURL',
    });
    const [entry] = emulator.journal.list({ limit: 1 });
    expect(entry?.explanation.join(' ')).toContain('leads to the emulator itself');
    await emulator.runAll().catch(() => undefined);
    expect(emulator.ledger.customers.size).toBe(before + 1);
    expect(emulator.transactions.list({ type: 'stk' })).toHaveLength(0);
  },
);

test('B2C result URLs and C2B confirmation and validation URLs that lead back into the emulator are refused', async () => {
  const { emulator, port, bearer } = await listening();
  const self = `http://localhost:${port}/_emulator/reset`;
  for (const [path, body, field] of [
    ['/mpesa/b2c/v3/paymentrequest', b2cBody({ ResultURL: self }), 'ResultURL'],
    ['/mpesa/b2c/v3/paymentrequest', b2cBody({ QueueTimeOutURL: self }), 'QueueTimeOutURL'],
    ['/mpesa/c2b/v2/registerurl', registerBody({ ConfirmationURL: self }), 'ConfirmationURL'],
    ['/mpesa/c2b/v2/registerurl', registerBody({ ValidationURL: self }), 'ValidationURL'],
  ] as const) {
    const res = await request(emulator.app).post(path).set('Authorization', `Bearer ${bearer}`).send(body);
    expect(res.status, field).toBe(400);
    expect(res.body.errorMessage, field).toBe(`Bad Request - Invalid ${field}`);
  }
});

test('a callback to a host name that resolves to the emulator is refused when it is sent', async () => {
  const { emulator, port } = await listening();
  await request(emulator.app)
    .post('/_emulator/customers')
    .send({ msisdn: '254700000778', name: 'Marker' })
    .expect(201);
  const customers = emulator.ledger.customers.size;
  // As if the name had resolved elsewhere when the request was made: the outbox is handed the URL directly.
  const settled = new Promise<void>((resolve) =>
    emulator.events.on((e) => {
      if (e.type === 'delivery' && e.delivery.attempts.length > 0) resolve();
    }),
  );
  const d = emulator.outbox.enqueue({
    kind: 'stk',
    url: `http://localhost:${port}/_emulator/reset`,
    body: {},
  });
  await settled;
  const sent = emulator.outbox.get(d.id);
  expect(sent?.attempts[0]?.error).toMatch(/^refused: the URL leads to the emulator itself/);
  expect(emulator.ledger.customers.size).toBe(customers);
});

test('beyond loopback, link-local and metadata callback addresses are refused unless callbacks.allowLinkLocal is set', async () => {
  const { emulator, bearer } = await listening('0.0.0.0');
  for (const url of [
    'http://169.254.169.254/latest/meta-data',
    'http://[fd00:ec2::254]/latest',
    'http://169.254.1.1:8080/cb',
  ]) {
    const res = await push(emulator, bearer, url);
    expect(res.status, url).toBe(400);
    expect(emulator.journal.list({ limit: 1 })[0]?.explanation.join(' ')).toContain(
      'callbacks.allowLinkLocal',
    );
  }
  emulator.settings.update({ callbacks: { allowLinkLocal: true } });
  expect((await push(emulator, bearer, 'http://169.254.169.254/latest/meta-data')).status).toBe(200);
});

test('on loopback, link-local callback addresses are allowed and other ports of this machine too', async () => {
  const { emulator, port, bearer } = await listening();
  expect((await push(emulator, bearer, 'http://169.254.169.254/latest/meta-data')).status).toBe(200);
  expect((await push(emulator, bearer, `http://127.0.0.1:${port + 1}/cb`)).status).toBe(200);
});
