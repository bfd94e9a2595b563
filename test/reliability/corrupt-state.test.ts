import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { KeepAliveClient } from '../../emulator/src/bench/http-client.js';
import { SpawnError, spawnEmulator } from '../../emulator/src/bench/spawn-emulator.js';
import { fetchToken, phoneNumber, stkPushBody } from '../../emulator/src/bench/stk-fixture.js';

// A damaged data file must stop the emulator with a message and a non-zero exit, and must never be
// replaced by an empty one. Starting again gives the same refusal (no crash loop that eventually wipes).

const dir = mkdtempSync(join(tmpdir(), 'daraja-corrupt-'));
const good = join(dir, 'good.json');
let goodText = '';

beforeAll(async () => {
  const emulator = await spawnEmulator(['--port', '0', '--data', good, '--quiet']);
  const client = new KeepAliveClient(emulator.url, 1);
  const token = await fetchToken(client);
  await client.json(
    'POST',
    '/mpesa/stkpush/v1/processrequest',
    stkPushBody(phoneNumber(1), 'http://127.0.0.1:9/cb'),
    {
      Authorization: `Bearer ${token}`,
    },
  );
  client.close();
  expect(await emulator.stop('SIGTERM')).toBe(0);
  goodText = readFileSync(good, 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

const cases: { name: string; damage: (path: string) => void; message: RegExp }[] = [
  {
    name: 'a data file cut off halfway',
    damage: (p) => writeFileSync(p, goodText.slice(0, goodText.length / 2)),
    message: /not valid JSON/,
  },
  {
    name: 'a data file with garbled bytes',
    damage: (p) =>
      writeFileSync(
        p,
        Buffer.from(goodText.replace(/"transactions"/, '"trans\u0000\u00ff\u0013ions'), 'latin1'),
      ),
    message: /not valid JSON/,
  },
  { name: 'an empty data file', damage: (p) => writeFileSync(p, ''), message: /empty/ },
  {
    name: 'JSON that is not an emulator data file',
    damage: (p) => writeFileSync(p, '{"users":[]}'),
    message: /not a daraja-emulator data file/,
  },
  {
    name: 'a log with a damaged line before the last',
    damage: (p) => {
      copyFileSync(good, p);
      writeFileSync(
        `${p}.log`,
        '{"s":999999,"op":"put","c":"transactions","v":{"id":"x"}}\n#garbage#\n{"s":1000001,"op":"clear"}\n',
      );
    },
    message: /log/i,
  },
];

test.each(cases)(
  '$name: the emulator refuses to start, says why, and leaves the file as it was',
  async ({ name, damage, message }) => {
    const path = join(dir, `${name.replace(/\W+/g, '-')}.json`);
    damage(path);
    const before = readdirSync(dir).map((f) =>
      f.startsWith(name.replace(/\W+/g, '-')) ? `${f}:${sha(join(dir, f))}` : f,
    );
    for (let attempt = 0; attempt < 2; attempt++) {
      const failure = await spawnEmulator(['--port', '0', '--data', path, '--quiet']).then(
        async (e) => {
          await e.stop('SIGKILL');
          return undefined;
        },
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(SpawnError);
      const { exit, stderr } = failure as SpawnError;
      expect(exit).toBe(1);
      expect(stderr).toMatch(/^daraja-emulator: /);
      expect(stderr).toContain(path);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /); // a message for people, not a stack trace
    }
    // Same files, same bytes, and no lock left behind: a supervisor restarting it sees the same refusal.
    expect(
      readdirSync(dir).map((f) =>
        f.startsWith(name.replace(/\W+/g, '-')) ? `${f}:${sha(join(dir, f))}` : f,
      ),
    ).toEqual(before);
  },
);
