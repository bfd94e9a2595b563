import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, expect, test } from 'vitest';
import type { StkPushAck } from 'daraja-client/wire';
import { openStore } from 'daraja-emulator';
import { KeepAliveClient } from '../../emulator/src/bench/http-client.js';
import { spawnEmulator, type Spawned } from '../../emulator/src/bench/spawn-emulator.js';
import { fetchToken, phoneNumber, stkPushBody } from '../../emulator/src/bench/stk-fixture.js';
import { stkBody, token } from '../support/daraja-requests.js';
import { Emulator } from '../../emulator/src/internals.js';

// A full disk never ends the process: requests that cannot be saved get Daraja's error envelope, nothing
// acknowledged is lost, health says why, and everything works again once there is space (issue 12, item 3).

const dir = mkdtempSync(join(tmpdir(), 'daraja-full-disk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

test('with writes failing as on a full disk, pushes get a Daraja error, health says why, and all recovers', async () => {
  const path = join(dir, 'injected.json');
  let full = false;
  const store = await openStore({
    kind: 'file',
    path,
    onWarning: () => undefined,
    writeSync: (fd, data, offset) => {
      if (full) throw enospc();
      return typeof data === 'string' ? writeSync(fd, data) : writeSync(fd, data, offset);
    },
  });
  const emulator = new Emulator({ clock: 'manual', store, seed: 1, uiDir: false });
  const bearer = await token(emulator.app);
  const push = (n: number) =>
    request(emulator.app)
      .post('/mpesa/stkpush/v1/processrequest')
      .set('Authorization', `Bearer ${bearer}`)
      .send(
        stkBody(emulator.clock.now(), {
          PhoneNumber: `2547083741${String(n).padStart(2, '0')}`,
          PartyA: `2547083741${String(n).padStart(2, '0')}`,
        }),
      );
  const first = await push(1).expect(200);

  full = true;
  for (let i = 2; i < 6; i++) {
    const refused = await push(i);
    expect(refused.status).toBe(500);
    expect(refused.body).toMatchObject({ errorCode: '500.003.02', requestId: expect.any(String) });
  }
  const health = await request(emulator.app).get('/_emulator/health');
  expect(health.status).toBe(503);
  expect(health.body).toMatchObject({ status: 'unhealthy', reason: expect.stringContaining('ENOSPC') });
  expect((await request(emulator.app).get('/_emulator/ready')).body).toMatchObject({ ready: false });
  const control = await request(emulator.app)
    .post('/_emulator/customers')
    .send({ msisdn: '254700000999', name: 'X' });
  expect(control.status).toBe(503);
  expect(control.body).toMatchObject({ error: { code: 'not_saved' } });

  full = false;
  const after = await push(7).expect(200);
  expect((await request(emulator.app).get('/_emulator/health')).body).toEqual({ status: 'ok' });
  await emulator.close();

  const reopened = new Emulator({
    clock: 'manual',
    store: await openStore({ kind: 'file', path }),
    seed: 1,
    uiDir: false,
  });
  for (const res of [first, after]) {
    const id = (res.body as StkPushAck).CheckoutRequestID;
    expect(reopened.transactions.find(id), id).toBeDefined();
  }
  await reopened.close();
});

/** Mounts a 3 MB tmpfs, or says why it cannot (not root, no permission in a container). */
function mountTmpfs(target: string): string | undefined {
  mkdirSync(target, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', target], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
  }
}

/** Fills the file system holding `path` to the last byte. */
function fill(path: string): void {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024, 120);
  try {
    for (let size = chunk.length; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          writeSync(fd, chunk, 0, size);
        } catch {
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

test('on a real 3 MB tmpfs that fills up, the compiled emulator stays up, refuses, and recovers when space returns', async (ctx) => {
  const mount = join(dir, 'tmpfs');
  const refused = mountTmpfs(mount);
  if (refused !== undefined) {
    console.log(`full-disk: tmpfs variant skipped (${refused})`);
    ctx.skip();
    return;
  }
  const started: Spawned[] = [];
  try {
    const data = join(mount, 'data.json');
    const e = await spawnEmulator(['--port', '0', '--data', data, '--quiet']);
    started.push(e);
    const client = new KeepAliveClient(e.url, 4);
    const bearer = await fetchToken(client);
    const auth = { Authorization: `Bearer ${bearer}` };
    const acknowledged: string[] = [];
    const push = async (n: number) => {
      const reply = await client.json(
        'POST',
        '/mpesa/stkpush/v1/processrequest',
        stkPushBody(phoneNumber(n), 'http://127.0.0.1:9/cb'),
        auth,
      );
      if (reply.status === 200) acknowledged.push((reply.json as StkPushAck).CheckoutRequestID);
      return reply;
    };
    for (let i = 0; i < 20; i++) expect((await push(i)).status).toBe(200);
    fill(join(mount, 'filler'));
    let failed = 0;
    for (let i = 20; i < 80; i++) {
      const reply = await push(i);
      if (reply.status !== 200) {
        failed++;
        expect(reply.json).toMatchObject({ errorCode: '500.003.02' });
      }
    }
    expect(failed).toBeGreaterThan(0);
    const health = await client.json('GET', '/_emulator/health');
    expect(health.status).toBe(503);
    expect(JSON.stringify(health.json)).toContain('no space left on device');
    expect(e.child.exitCode).toBeNull();

    rmSync(join(mount, 'filler'));
    expect((await push(100)).status).toBe(200);
    expect((await client.json('GET', '/_emulator/health')).status).toBe(200);
    client.close();
    expect(await e.stop('SIGTERM')).toBe(0);

    const again = await spawnEmulator(['--port', '0', '--data', data, '--quiet']);
    started.push(again);
    const checker = new KeepAliveClient(again.url, 1);
    for (const id of acknowledged) {
      expect((await checker.json('GET', `/_emulator/transactions/${id}`)).status, id).toBe(200);
    }
    checker.close();
    expect(await again.stop('SIGTERM')).toBe(0);
  } finally {
    for (const e of started) await e.stop('SIGKILL');
    execFileSync('umount', [mount]);
  }
}, 60_000);
