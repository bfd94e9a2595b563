import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, SANDBOX_MSISDN, SANDBOX_PASSKEY, type TestEmulator } from 'daraja-emulator/testing';

const run = promisify(execFile);

/**
 * A Daraja client that knows nothing of the emulator: it hard-codes Safaricom's sandbox host, like many
 * apps do. It gets a token and sends an STK push with fetch or https.request, and prints what it got.
 */
const CLIENT = String.raw`
import https from 'node:https';
import dns from 'node:dns/promises';
const [mode, callbackUrl, passkey, phone] = process.argv.slice(2);
const BASE = 'https://sandbox.safaricom.co.ke';
function call(method, path, headers, body) {
  if (mode === 'fetch') {
    return fetch(BASE + path, { method, headers, body }).then(async (r) => ({ status: r.status, body: await r.text() }));
  }
  return new Promise((resolve, reject) => {
    const req = https.request(BASE + path, { method, headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const basic = Buffer.from('shop-key:shop-secret').toString('base64');
const auth = await call('GET', '/oauth/v1/generate?grant_type=client_credentials', { Authorization: 'Basic ' + basic });
const token = JSON.parse(auth.body).access_token;
const timestamp = '20260101120000';
const push = await call('POST', '/mpesa/stkpush/v1/processrequest', { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
  JSON.stringify({
    BusinessShortCode: '174379', Password: Buffer.from('174379' + passkey + timestamp).toString('base64'), Timestamp: timestamp,
    TransactionType: 'CustomerPayBillOnline', Amount: 1, PartyA: phone, PartyB: '174379', PhoneNumber: phone,
    CallBackURL: callbackUrl, AccountReference: 'INV-9', TransactionDesc: 'Order 9',
  }));
const resolved = await dns.lookup('api.safaricom.co.ke');
console.log(JSON.stringify({ auth: auth.status, push: push.status, ack: JSON.parse(push.body), resolved: resolved.address }));
`;

describe('TLS mode', () => {
  let emu: TestEmulator;
  let work: string;
  let clientPath: string;

  beforeAll(async () => {
    emu = await startEmulator({ tls: true });
    work = mkdtempSync(path.join(tmpdir(), 'daraja-tls-test-'));
    clientPath = path.join(work, 'client.mjs');
    writeFileSync(clientPath, CLIENT);
  });
  afterAll(async () => {
    await emu.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('serves HTTPS with a certificate for both Safaricom hosts, localhost and 127.0.0.1, signed by the local CA', async () => {
    const tlsInfo = emu.tls!;
    const names = ['sandbox.safaricom.co.ke', 'api.safaricom.co.ke', 'localhost'];
    for (const servername of names) {
      const cert = await new Promise<X509Certificate>((resolve, reject) => {
        const socket = tls.connect(
          { host: '127.0.0.1', port: tlsInfo.port, servername, ca: tlsInfo.ca },
          () => {
            resolve(new X509Certificate(socket.getPeerCertificate().raw));
            socket.end();
          },
        );
        socket.on('error', reject);
      });
      expect(cert.checkHost(servername)).toBe(servername);
      expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
      expect(cert.verify(new X509Certificate(tlsInfo.ca).publicKey)).toBe(true);
    }
  });

  it('answers Daraja requests over HTTPS exactly as over HTTP', async () => {
    const body = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      https
        .get(
          `${emu.tls!.url}/oauth/v1/generate?grant_type=client_credentials`,
          {
            ca: emu.tls!.ca,
            headers: { Authorization: `Basic ${Buffer.from('k:s').toString('base64')}` },
          },
          (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        )
        .on('error', reject);
    });
    expect(body.status).toBe(200);
    expect(JSON.parse(body.text)).toMatchObject({ expires_in: '3599' });
  });

  it.each([
    ['fetch', '--import', 'preloadPath'],
    ['https.request', '--import', 'preloadPath'],
    ['https.request', '-r', 'preloadCjsPath'],
    ['fetch', '-r', 'preloadCjsPath'],
  ] as const)(
    'lets an unmodified client using %s reach the emulator through the preload module (%s)',
    async (mode, flag, file) => {
      await emu.reset();
      const sink = await emu.callbackSink();
      const { stdout } = await run(
        process.execPath,
        [
          flag,
          emu.tls![file],
          clientPath,
          mode === 'fetch' ? 'fetch' : 'https',
          sink.url + '/cb',
          SANDBOX_PASSKEY,
          SANDBOX_MSISDN,
        ],
        { env: { PATH: process.env.PATH ?? '' }, timeout: 15_000 },
      );
      const out = JSON.parse(stdout) as {
        auth: number;
        push: number;
        ack: { CheckoutRequestID: string };
        resolved: string;
      };
      expect(out).toMatchObject({ auth: 200, push: 200, ack: { ResponseCode: '0' }, resolved: '127.0.0.1' });
      expect(emu.journal().map((e) => `${e.status} ${e.path}`)).toEqual([
        '200 /mpesa/stkpush/v1/processrequest',
        '200 /oauth/v1/generate',
      ]);
      await emu.phone(SANDBOX_MSISDN).accept();
      expect((await emu.nextCallback({ transactionId: out.ack.CheckoutRequestID })).status).toBe('delivered');
      expect(sink.requests).toHaveLength(1);
    },
  );

  it("sends plain http://sandbox.safaricom.co.ke (port 80) to the emulator's HTTP port", async () => {
    const script = [
      "const basic = Buffer.from('k:s').toString('base64');",
      "const res = await fetch('http://sandbox.safaricom.co.ke/oauth/v1/generate?grant_type=client_credentials', { headers: { Authorization: 'Basic ' + basic } });",
      'console.log(JSON.stringify({ status: res.status }));',
    ].join('\n');
    const { stdout } = await run(
      process.execPath,
      ['--import', emu.tls!.preloadPath, '--input-type=module', '-e', script],
      {
        env: { PATH: process.env.PATH ?? '' },
        timeout: 15_000,
      },
    );
    expect(JSON.parse(stdout)).toEqual({ status: 200 });
  });

  it('redirects only Safaricom hosts: other hosts keep resolving and connecting as before', async () => {
    const sink = await emu.callbackSink();
    const script = [
      "import dns from 'node:dns/promises';",
      `const res = await fetch('${sink.url}/plain', { method: 'POST', body: '{}' });`,
      "const local = await dns.lookup('localhost');",
      'console.log(JSON.stringify({ status: res.status, local: local.address }));',
    ].join('\n');
    const { stdout } = await run(
      process.execPath,
      ['--import', emu.tls!.preloadPath, '--input-type=module', '-e', script],
      {
        env: { PATH: process.env.PATH ?? '' },
        timeout: 15_000,
      },
    );
    expect(JSON.parse(stdout)).toMatchObject({
      status: 200,
      local: expect.stringMatching(/^(127\.0\.0\.1|::1)$/),
    });
    expect(sink.requests.map((r) => r.path)).toEqual(['/plain']);
  });

  it('keeps the CA in a given folder across runs so a trust setting made once keeps working', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'daraja-tls-dir-'));
    try {
      const first = await startEmulator({ tls: { dir } });
      const ca = first.tls!.ca;
      expect(first.tls!.created).toBe(true);
      await first.close();
      const second = await startEmulator({ tls: { dir } });
      expect(second.tls!.created).toBe(false);
      expect(second.tls!.ca).toBe(ca);
      expect(second.tls!.caPath).toBe(path.join(dir, 'ca.pem'));
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
