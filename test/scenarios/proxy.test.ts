import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, SANDBOX_MSISDN, SANDBOX_PASSKEY, type TestEmulator } from 'daraja-emulator/testing';

const BASIC = `Basic ${Buffer.from('shop-key:shop-secret').toString('base64')}`;
const TOKEN_PATH = '/oauth/v1/generate?grant_type=client_credentials';

type Reply = { status: number; body: string };

const collect = (resolve: (r: Reply) => void) => (res: http.IncomingMessage) => {
  let body = '';
  res.on('data', (c: Buffer) => (body += c.toString()));
  res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
};

/** Sends a request the way a client configured with an HTTP proxy does: absolute-form target to the proxy. */
function viaProxy(
  proxy: URL,
  target: string,
  init: { method?: string; headers?: http.OutgoingHttpHeaders; body?: string } = {},
) {
  return new Promise<Reply>((resolve, reject) => {
    const req = http.request(
      {
        host: proxy.hostname,
        port: proxy.port,
        method: init.method ?? 'GET',
        path: target,
        headers: { Host: new URL(target).host, ...init.headers },
      },
      collect(resolve),
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Opens a CONNECT tunnel through the proxy, as HTTPS_PROXY-aware clients do. */
function tunnel(proxy: URL, authority: string): Promise<{ status: number; socket: Duplex; text?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: proxy.hostname, port: proxy.port, method: 'CONNECT', path: authority });
    req.on('connect', (res, socket, head) => {
      const status = res.statusCode ?? 0;
      if (status === 200) return resolve({ status, socket });
      let text = head.toString();
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('close', () => resolve({ status, socket, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** An https agent that reaches every host through a CONNECT tunnel: what proxy agents do under the hood. */
class TunnelAgent extends https.Agent {
  constructor(
    private readonly proxy: URL,
    private readonly ca: string,
  ) {
    super({ keepAlive: false });
  }
  override createConnection(
    options: tls.ConnectionOptions,
    done?: (err: Error | null, socket?: Duplex) => void,
  ): Duplex | undefined {
    const host = options.host ?? 'localhost';
    tunnel(this.proxy, `${host}:${options.port ?? 443}`).then(
      ({ status, socket }) => {
        if (status !== 200) return done?.(new Error(`CONNECT answered ${status}`));
        done?.(null, tls.connect({ socket, servername: options.servername ?? host, ca: this.ca }));
      },
      (error: Error) => done?.(error),
    );
    return undefined;
  }
}

/** A tiny Daraja client that hard-codes Safaricom's sandbox and only knows it is behind a proxy agent. */
async function darajaOverHttps(
  agent: https.Agent,
  callbackUrl: string,
): Promise<{ auth: Reply; push: Reply }> {
  const call = (method: string, path: string, headers: http.OutgoingHttpHeaders, body?: string) =>
    new Promise<Reply>((resolve, reject) => {
      const req = https.request(
        `https://sandbox.safaricom.co.ke${path}`,
        { method, headers, agent },
        collect(resolve),
      );
      req.on('error', reject);
      req.end(body);
    });
  const auth = await call('GET', TOKEN_PATH, { Authorization: BASIC });
  const token = (JSON.parse(auth.body) as { access_token: string }).access_token;
  const timestamp = '20260101120000';
  const push = await call(
    'POST',
    '/mpesa/stkpush/v1/processrequest',
    { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    JSON.stringify({
      BusinessShortCode: '174379',
      Password: Buffer.from(`174379${SANDBOX_PASSKEY}${timestamp}`).toString('base64'),
      Timestamp: timestamp,
      TransactionType: 'CustomerPayBillOnline',
      Amount: 1,
      PartyA: SANDBOX_MSISDN,
      PartyB: '174379',
      PhoneNumber: SANDBOX_MSISDN,
      CallBackURL: callbackUrl,
      AccountReference: 'INV-7',
      TransactionDesc: 'Order 7',
    }),
  );
  return { auth, push };
}

describe('proxy-style requests', () => {
  let emu: TestEmulator;
  let proxy: URL;

  beforeAll(async () => {
    emu = await startEmulator({ tls: true });
    proxy = new URL(emu.url);
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.reset());

  it.each(['http://sandbox.safaricom.co.ke', 'https://api.safaricom.co.ke'])(
    'routes an absolute-form target %s by its path and journals the path',
    async (origin) => {
      const reply = await viaProxy(proxy, origin + TOKEN_PATH, { headers: { Authorization: BASIC } });
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toMatchObject({ expires_in: '3599' });
      expect(emu.journal().map((e) => e.path)).toEqual(['/oauth/v1/generate']);
    },
  );

  it('answers an absolute-form request for an unknown path the way Daraja does', async () => {
    const reply = await viaProxy(proxy, 'http://sandbox.safaricom.co.ke/mpesa/nothing/here', {
      method: 'POST',
      body: '{}',
    });
    expect(reply.status).toBe(404);
  });

  it('lets a client behind an HTTPS proxy agent pay with STK push, with no change to its URLs', async () => {
    const sink = await emu.callbackSink();
    const { auth, push } = await darajaOverHttps(new TunnelAgent(proxy, emu.tls!.ca), sink.url + '/stk');
    expect(auth.status).toBe(200);
    expect(push.status).toBe(200);
    const ack = JSON.parse(push.body) as { CheckoutRequestID: string; ResponseCode: string };
    expect(ack.ResponseCode).toBe('0');
    await emu.phone(SANDBOX_MSISDN).accept();
    expect((await emu.nextCallback({ transactionId: ack.CheckoutRequestID })).status).toBe('delivered');
  });

  it('fails the TLS handshake inside the tunnel for a client that does not trust the local CA', async () => {
    const untrusting = new TunnelAgent(proxy, tls.rootCertificates.join('\n'));
    await expect(darajaOverHttps(untrusting, 'http://127.0.0.1:9/cb')).rejects.toThrow(
      /self.signed|unable to verify|certificate/i,
    );
  });

  it('carries plain HTTP through a tunnel to port 80', async () => {
    const { status, socket } = await tunnel(proxy, 'sandbox.safaricom.co.ke:80');
    expect(status).toBe(200);
    const reply = await new Promise<Reply>((resolve, reject) => {
      const req = http.request(
        {
          createConnection: () => socket,
          path: TOKEN_PATH,
          headers: { Host: 'sandbox.safaricom.co.ke', Authorization: BASIC },
        },
        collect(resolve),
      );
      req.on('error', reject);
      req.end();
    });
    expect(reply.status).toBe(200);
  });

  it('refuses to tunnel to any other host, so nothing leaves the machine', async () => {
    const refused = await tunnel(proxy, 'example.com:443');
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('NO_PROXY');
  });
});
