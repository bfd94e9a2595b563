import { X509Certificate, constants, publicEncrypt } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import { KeepAliveClient, type Reply } from '../../emulator/src/bench/http-client.js';
import { startSink } from '../../emulator/src/bench/callback-sink.js';
import { spawnEmulator } from '../../emulator/src/bench/spawn-emulator.js';
import {
  FIXED_TIMESTAMP,
  basicAuth,
  phoneNumber,
  stkPushBody,
} from '../../emulator/src/bench/stk-fixture.js';
import { SANDBOX_INITIATOR, SANDBOX_PASSKEY, SANDBOX_SHORTCODE } from '../../emulator/src/config/defaults.js';

// A representative run (OAuth with a configured app, STK pushes with the passkey-derived Password, an
// initiator request with a SecurityCredential, bearer tokens throughout), then a search of everything the
// emulator wrote or sent for those secrets in clear: stdout and stderr, the journal, the data file and its
// log, live-socket frames and error bodies.

const dir = mkdtempSync(join(tmpdir(), 'daraja-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const APP = {
  name: 'shop',
  consumerKey: 'shop-consumer-key-0001',
  consumerSecret: 'Shop-Consumer-Secret-9f8e7d6c5b4a',
};

test('no consumer secret, passkey, Password, SecurityCredential, initiator password, Basic credential or bearer token appears in clear', async () => {
  const config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({ apps: [APP] }));
  const data = join(dir, 'data.json');
  const sink = await startSink();
  const e = await spawnEmulator(['--port', '0', '--data', data, '--config', config, '--auto-accept']);
  const client = new KeepAliveClient(e.url, 2);
  const frames: string[] = [];
  const socket = new WebSocket(`${e.url.replace('http', 'ws')}/_emulator/live`);
  socket.on('message', (m: Buffer) => frames.push(m.toString('utf8')));
  await new Promise((resolve) => socket.once('open', resolve));

  const basic = basicAuth(APP.consumerKey, APP.consumerSecret);
  const answers: { what: string; reply: Reply }[] = [];
  const call = async (
    what: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const reply = await client.json(method, path, body, headers);
    answers.push({ what, reply });
    return reply;
  };
  const oauth = await call('oauth', 'GET', '/oauth/v1/generate?grant_type=client_credentials', undefined, {
    Authorization: basic,
  });
  const token = (oauth.json as { access_token: string }).access_token;
  await call(
    'oauth with a wrong secret',
    'GET',
    '/oauth/v1/generate?grant_type=client_credentials',
    undefined,
    {
      Authorization: basicAuth(APP.consumerKey, `${APP.consumerSecret}-wrong`),
    },
  );
  const auth = { Authorization: `Bearer ${token}` };
  const good = stkPushBody(phoneNumber(1), sink.url);
  const wrongPassword = Buffer.from(
    `${SANDBOX_SHORTCODE}${SANDBOX_PASSKEY.replace(/^b/, 'c')}${FIXED_TIMESTAMP}`,
  ).toString('base64');
  expect((await call('stk', 'POST', '/mpesa/stkpush/v1/processrequest', good, auth)).status).toBe(200);
  await call(
    'stk with a wrong Password',
    'POST',
    '/mpesa/stkpush/v1/processrequest',
    { ...good, Password: wrongPassword, PhoneNumber: phoneNumber(2) },
    auth,
  );
  await call(
    'stk with a URL-safe Password',
    'POST',
    '/mpesa/stkpush/v1/processrequest',
    { ...good, Password: good.Password.replace(/\+/g, '-').replace(/\//g, '_') },
    auth,
  );
  // The same body as text and as a form: it cannot be masked field by field, and must be masked anyway.
  answers.push({
    what: 'stk as text/plain',
    reply: await client.send({
      method: 'POST',
      path: '/mpesa/stkpush/v1/processrequest',
      headers: { ...auth, 'Content-Type': 'text/plain' },
      body: JSON.stringify(good),
    }),
  });
  answers.push({
    what: 'stk as a form',
    reply: await client.send({
      method: 'POST',
      path: '/mpesa/stkpush/v1/processrequest',
      headers: { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(good as unknown as Record<string, string>).toString(),
    }),
  });
  answers.push({
    what: 'stk with cut-off JSON',
    reply: await client.send({
      method: 'POST',
      path: '/mpesa/stkpush/v1/processrequest',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(good).slice(0, 140),
    }),
  });
  await call('stk with a stale token', 'POST', '/mpesa/stkpush/v1/processrequest', good, {
    Authorization: `Bearer ${token}x`,
  });

  const pem = await client.send({ method: 'GET', path: '/_emulator/security/certificate' });
  const credential = publicEncrypt(
    { key: new X509Certificate(pem.body).publicKey, padding: constants.RSA_PKCS1_PADDING },
    Buffer.from(SANDBOX_INITIATOR.password),
  ).toString('base64');
  const b2c = {
    InitiatorName: SANDBOX_INITIATOR.name,
    SecurityCredential: credential,
    CommandID: 'BusinessPayment',
    Amount: '10',
    PartyA: '600997',
    PartyB: phoneNumber(3),
    Remarks: 'secrets test',
    QueueTimeOutURL: sink.url,
    ResultURL: sink.url,
    Occasion: 'test',
  };
  expect((await call('b2c', 'POST', '/mpesa/b2c/v1/paymentrequest', b2c, auth)).status).toBe(200);
  await call(
    'b2c with a bad credential',
    'POST',
    '/mpesa/b2c/v1/paymentrequest',
    { ...b2c, SecurityCredential: SANDBOX_INITIATOR.password },
    auth,
  );
  await sink.waitFor(2, 10_000);

  const journal = await client.send({ method: 'GET', path: '/_emulator/journal?limit=1000' });
  const transactions = await client.send({ method: 'GET', path: '/_emulator/transactions?limit=1000' });
  const deliveries = await client.send({ method: 'GET', path: '/_emulator/deliveries?limit=1000' });
  await new Promise((resolve) => setTimeout(resolve, 100));
  socket.close();
  client.close();
  const logBeforeStop = readFileSync(`${data}.log`, 'utf8');
  expect(await e.stop('SIGTERM')).toBe(0);
  await sink.close();

  const secrets: Record<string, string> = {
    'consumer secret': APP.consumerSecret,
    'Basic credentials': basic.slice('Basic '.length),
    passkey: SANDBOX_PASSKEY,
    Password: good.Password,
    'wrong Password': wrongPassword,
    SecurityCredential: credential,
    'initiator password': SANDBOX_INITIATOR.password,
    'bearer token': token,
  };
  const places: Record<string, string> = {
    stdout: e.stdout(),
    stderr: e.stderr(),
    journal: journal.body,
    'transactions (control API)': transactions.body,
    'deliveries (control API)': deliveries.body,
    'live frames': frames.join('\n'),
    'data file log': logBeforeStop,
    ...Object.fromEntries(
      readdirSync(dir)
        .filter((f) => f.startsWith('data.json'))
        .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
    ),
    ...Object.fromEntries(
      answers.filter((a) => a.what !== 'oauth').map((a) => [`answer to ${a.what}`, a.reply.body]),
    ),
  };
  expect(journal.body).toContain('Password'); // the search covers the journal's content, masked
  expect(frames.length).toBeGreaterThan(10);
  const leaks: string[] = [];
  for (const [place, text] of Object.entries(places)) {
    for (const [secret, value] of Object.entries(secrets))
      if (text.includes(value)) leaks.push(`${secret} in ${place}`);
  }
  expect(leaks).toEqual([]);
}, 30_000);
