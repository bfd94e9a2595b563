import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { KeepAliveClient } from '../../emulator/src/bench/http-client.js';
import { SpawnError, spawnEmulator, type Spawned } from '../../emulator/src/bench/spawn-emulator.js';
import { fetchToken, phoneNumber, stkPushBody } from '../../emulator/src/bench/stk-fixture.js';

// Emulators never share state by accident: a data file is locked by the one that opened it, and many
// emulators with their own files and --port 0 run side by side. `npm run reliability:isolation` runs 100.

const dir = mkdtempSync(join(tmpdir(), 'daraja-isolation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a second emulator on the same data file refuses with a clear message while the first keeps serving', async () => {
  const data = join(dir, 'shared.json');
  const first = await spawnEmulator(['--port', '0', '--data', data, '--quiet']);
  try {
    expect(JSON.parse(readFileSync(`${data}.lock`, 'utf8'))).toMatchObject({ pid: first.child.pid });
    const second = await spawnEmulator(['--port', '0', '--data', data, '--quiet']).then(
      (e) => e,
      (error: unknown) => error as SpawnError,
    );
    expect(second).toBeInstanceOf(SpawnError);
    const refused = second as SpawnError;
    expect(refused.exit).toBe(1);
    expect(refused.stderr).toContain(`The data file ${data} is in use by process ${first.child.pid}`);
    expect(refused.stderr).toContain('give each emulator its own --data');
    const client = new KeepAliveClient(first.url, 1);
    expect((await client.json('GET', '/_emulator/health')).status).toBe(200);
    client.close();
  } finally {
    expect(await first.stop('SIGTERM')).toBe(0);
  }
});

test('ten emulators with their own data files and --port 0 run side by side without seeing each other', async () => {
  const emulators: Spawned[] = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      // Ten start at once on two cores: give each time to get there.
      spawnEmulator(['--port', '0', '--data', join(dir, `own-${i}.json`), '--quiet'], { timeoutMs: 60_000 }),
    ),
  );
  try {
    expect(new Set(emulators.map((e) => e.port)).size).toBe(10);
    await Promise.all(
      emulators.map(async (e, i) => {
        const client = new KeepAliveClient(e.url, 1);
        const token = await fetchToken(client);
        for (let n = 0; n <= i; n++) {
          const push = await client.json(
            'POST',
            '/mpesa/stkpush/v1/processrequest',
            stkPushBody(phoneNumber(n), 'http://127.0.0.1:9/cb'),
            {
              Authorization: `Bearer ${token}`,
            },
          );
          expect(push.status).toBe(200);
        }
        const list = await client.json('GET', '/_emulator/transactions?type=stk');
        expect((list.json as unknown[]).length).toBe(i + 1);
        client.close();
      }),
    );
  } finally {
    const exits = await Promise.all(emulators.map((e) => e.stop('SIGTERM')));
    expect(exits).toEqual(Array(10).fill(0));
  }
}, 120_000);
