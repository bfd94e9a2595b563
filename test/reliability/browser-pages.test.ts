import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import { KeepAliveClient } from '../../emulator/src/bench/http-client.js';
import { spawnEmulator, type Spawned } from '../../emulator/src/bench/spawn-emulator.js';
import { hasBrowser, launchBrowser } from '../e2e/support/browser.js';

// No web page can drive the emulator: requests addressed to foreign host names (DNS rebinding) are refused
// everywhere, state-changing control requests from other sites are refused, and the emulator's own UI
// keeps working, behind the admin token and in TLS mode too (issue 12, item 1).

const ADMIN = 'a-long-admin-token-for-tests';
const PASSKEY = 'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919';
const dir = mkdtempSync(join(tmpdir(), 'daraja-browser-pages-'));
let local: Spawned;
let extra: Spawned;

beforeAll(async () => {
  [local, extra] = await Promise.all([
    spawnEmulator(['--port', '0', '--memory', '--quiet', '--cors-origin', 'http://app.example']),
    spawnEmulator(['--port', '0', '--memory', '--quiet', '--allowed-host', 'emulator.internal']),
  ]);
});
afterAll(async () => {
  await Promise.all([local.stop('SIGTERM'), extra.stop('SIGTERM')]);
  rmSync(dir, { recursive: true, force: true });
});

async function call(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
) {
  const client = new KeepAliveClient(url, 1);
  try {
    const reply = await client.send({ method, path, headers, ...(body !== undefined ? { body } : {}) });
    return { status: reply.status, text: reply.body.toString('utf8') };
  } finally {
    client.close();
  }
}

function liveSocket(url: string, headers: Record<string, string>): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/_emulator/live`, { headers });
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

test.each([
  ['GET', '/_emulator/state'],
  ['GET', '/_emulator/settings'],
  ['GET', '/'],
  ['POST', '/_emulator/reset'],
])('%s %s addressed to a foreign host name is refused without a byte of state', async (method, path) => {
  const reply = await call(local.url, method, path, { Host: `evil.example:${local.port}` });
  expect(reply.status).toBe(403);
  expect(JSON.parse(reply.text)).toMatchObject({ error: { code: 'host_not_allowed' } });
  expect(reply.text).not.toContain(PASSKEY);
});

test('Daraja paths addressed to a foreign host name get Daraja’s error envelope', async () => {
  const reply = await call(local.url, 'GET', '/oauth/v1/generate?grant_type=client_credentials', {
    Host: 'evil.example',
    Authorization: `Basic ${Buffer.from('k:s').toString('base64')}`,
  });
  expect(reply.status).toBe(400);
  expect(JSON.parse(reply.text)).toMatchObject({ errorCode: '400.003.02', errorMessage: 'Bad Request' });
});

test.each([
  (port: number) => `127.0.0.1:${port}`,
  (port: number) => `localhost:${port}`,
  (port: number) => `LOCALHOST:${port}`,
  (port: number) => `app.localhost:${port}`,
  (port: number) => `[::1]:${port}`,
  () => 'sandbox.safaricom.co.ke',
  () => 'api.safaricom.co.ke:443',
])('a request addressed to a loopback or Safaricom name is served (%#)', async (host) => {
  const reply = await call(local.url, 'GET', '/_emulator/settings', { Host: host(local.port) });
  expect(reply.status).toBe(200);
});

test('--allowed-host adds a name, and only that name', async () => {
  expect((await call(extra.url, 'GET', '/_emulator/health', { Host: 'emulator.internal:80' })).status).toBe(
    200,
  );
  expect((await call(extra.url, 'GET', '/_emulator/health', { Host: 'other.internal' })).status).toBe(403);
});

test('the live socket refuses a foreign host name even when Origin names the same host', async () => {
  const evil = `evil.example:${local.port}`;
  expect(await liveSocket(local.url, { Host: evil, Origin: `http://${evil}` })).toBe(403);
  expect(await liveSocket(local.url, { Origin: `http://127.0.0.1:${local.port}` })).toBe('open');
  expect(
    await liveSocket(local.url, { Origin: `http://127.0.0.1:${local.port}`, 'Sec-Fetch-Site': 'cross-site' }),
  ).toBe(403);
});

test.each([
  [{ Origin: 'http://evil.example' }, 403],
  [{ Origin: 'null' }, 403],
  [{ 'Sec-Fetch-Site': 'cross-site' }, 403],
  [{ 'Sec-Fetch-Site': 'same-site', Origin: 'http://127.0.0.1:1' }, 403],
  [{ 'Content-Type': 'text/plain' }, 415],
  [{ 'Content-Type': 'application/x-www-form-urlencoded' }, 415],
  [{ 'Content-Type': 'multipart/form-data; boundary=x' }, 415],
])(
  'a state-changing control request with %j is refused with %i and changes nothing',
  async (headers, status) => {
    const before = await call(local.url, 'GET', '/_emulator/settings', {});
    const reply = await call(
      local.url,
      'PATCH',
      '/_emulator/settings',
      headers,
      '{"stk":{"defaultOutcome":"accept"}}',
    );
    expect(reply.status).toBe(status);
    expect((await call(local.url, 'GET', '/_emulator/settings', {})).text).toBe(before.text);
  },
);

test('state-changing control requests from the emulator’s own pages, configured origins and non-browsers pass', async () => {
  const own = `http://127.0.0.1:${local.port}`;
  for (const headers of [
    {},
    { Origin: own, 'Sec-Fetch-Site': 'same-origin' },
    { Origin: own.replace('127.0.0.1', 'localhost'), Host: `localhost:${local.port}` },
    { 'Sec-Fetch-Site': 'none' },
    { Origin: 'http://app.example', 'Sec-Fetch-Site': 'cross-site' },
  ]) {
    const reply = await call(local.url, 'POST', '/_emulator/reset', headers);
    expect(reply.status, JSON.stringify(headers)).toBe(204);
  }
});

/** A page on another origin that tries what the attacker tried. */
function attackerSite(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const page = `<!doctype html><body><form id="f" method="POST" action="${target}/_emulator/settings" enctype="text/plain">
<input name='{"stk":{"defaultOutcome":"decline"},"x":"' value='"}'></form><script>
window.attack = async () => {
  await fetch('${target}/_emulator/reset', { method: 'POST', mode: 'no-cors' }).catch(() => {});
  await fetch('${target}/_emulator/settings', { method: 'PATCH', mode: 'no-cors', body: '{"stk":{"defaultOutcome":"decline"}}' }).catch(() => {});
  return 'done';
};</script></body>`;
  const server = http.createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(page),
  );
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

/** Chromium as the browser tests run it, trusting the emulator's certificate in TLS mode. */
function browser(extraArgs: string[] = []) {
  return launchBrowser({ args: extraArgs, ignoreHTTPSErrors: true });
}

test.skipIf(!hasBrowser)(
  'in Chromium, a page from another origin can neither reset the emulator nor change its settings',
  async () => {
    const e = await spawnEmulator(['--port', '0', '--memory', '--quiet']);
    const site = await attackerSite(e.url);
    const { browser: context, close: closeBrowser } = await browser();
    try {
      const mark = await call(
        e.url,
        'POST',
        '/_emulator/customers',
        { 'Content-Type': 'application/json' },
        JSON.stringify({ msisdn: '254700000777', name: 'Marker' }),
      );
      expect(mark.status).toBeLessThan(300);
      const before = await call(e.url, 'GET', '/_emulator/settings', {});
      const page = await context.newPage();
      await page.goto(site.url);
      expect(await page.evaluate('window.attack()')).toBe('done');
      await Promise.all([
        page.waitForEvent('requestfinished').catch(() => undefined),
        page.evaluate('document.getElementById("f").submit()'),
      ]);
      expect((await call(e.url, 'GET', '/_emulator/settings', {})).text).toBe(before.text);
      expect((await call(e.url, 'GET', '/_emulator/customers/254700000777', {})).status).toBe(200);
    } finally {
      await closeBrowser();
      await site.close();
      await e.stop('SIGTERM');
    }
  },
  60_000,
);

test.skipIf(!hasBrowser)(
  'in Chromium, the emulator’s own UI can change state behind the admin token and in TLS mode',
  async () => {
    const e = await spawnEmulator([
      '--port',
      '0',
      '--memory',
      '--quiet',
      '--host',
      '127.0.0.1',
      '--admin-token',
      ADMIN,
      '--tls',
      '--tls-port',
      '0',
      '--tls-dir',
      join(dir, 'tls'),
    ]);
    const ready = JSON.parse(e.stdout().split('\n')[0] ?? '{}') as { tls: { port: number } };
    const { browser: context, close: closeBrowser } = await browser([
      `--host-resolver-rules=MAP sandbox.safaricom.co.ke 127.0.0.1`,
    ]);
    try {
      for (const origin of [
        e.url,
        `https://localhost:${ready.tls.port}`,
        `https://sandbox.safaricom.co.ke:${ready.tls.port}`,
      ]) {
        const page = await context.newPage();
        await page.goto(`${origin}/?token=${ADMIN}`);
        // A string, not a function: the page's own WebSocket and fetch, untouched by the test's imports.
        const result = await page.evaluate(`(async () => {
        const patch = await fetch('/_emulator/settings', {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', 'x-emulator-token': '${ADMIN}' },
          body: JSON.stringify({ stk: { defaultOutcome: 'accept' } }),
        });
        const live = await new Promise((resolve) => {
          const ws = new WebSocket(location.origin.replace(/^http/, 'ws') + '/_emulator/live?token=${ADMIN}');
          ws.onopen = () => { ws.close(); resolve('open'); };
          ws.onerror = () => resolve('refused');
        });
        return { patch: patch.status, live };
      })()`);
        // The live socket is served on the HTTP port (the HTTPS port serves requests only).
        expect(result, origin).toMatchObject(
          origin.startsWith('http:') ? { patch: 200, live: 'open' } : { patch: 200 },
        );
        await page.close();
      }
    } finally {
      await closeBrowser();
      await e.stop('SIGTERM');
    }
  },
  60_000,
);
