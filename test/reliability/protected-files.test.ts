import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { StkPushAck } from 'daraja-client/wire';
import { KeepAliveClient } from '../../emulator/src/bench/http-client.js';
import { SpawnError, spawnEmulator } from '../../emulator/src/bench/spawn-emulator.js';
import { fetchToken, phoneNumber, stkPushBody } from '../../emulator/src/bench/stk-fixture.js';

// Files the user protected are never written through: a read-only data file is refused with a clear line,
// --read-only uses a data file as a fixture without writing anything, and a missing key file is reported
// as missing and not recreated (issue 12, item 5).

const root = mkdtempSync(join(tmpdir(), 'daraja-protected-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A data file with one acknowledged push in it (and its key file beside it); returns the push's id. */
async function dataFileWithOnePush(dir: string): Promise<{ data: string; id: string }> {
  const data = join(dir, 'data.json');
  const e = await spawnEmulator(['--port', '0', '--data', data, '--quiet']);
  const client = new KeepAliveClient(e.url, 1);
  const token = await fetchToken(client);
  const reply = await client.json(
    'POST',
    '/mpesa/stkpush/v1/processrequest',
    stkPushBody(phoneNumber(1), 'http://127.0.0.1:9/cb'),
    { Authorization: `Bearer ${token}` },
  );
  client.close();
  expect(await e.stop('SIGTERM')).toBe(0);
  return { data, id: (reply.json as StkPushAck).CheckoutRequestID };
}

/** Every file in `dir` with its bytes and mode. */
function snapshotOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    out[name] = `${(statSync(path).mode & 0o777).toString(8)} ${readFileSync(path, 'base64')}`;
  }
  return out;
}

async function refusal(args: string[]): Promise<SpawnError> {
  const failure = await spawnEmulator(args).then(
    async (e) => {
      await e.stop('SIGKILL');
      return undefined;
    },
    (error: unknown) => error as SpawnError,
  );
  expect(failure).toBeInstanceOf(SpawnError);
  return failure as SpawnError;
}

test('a data file the user made read-only is refused with a clear line, and nothing beside it changes', async () => {
  const dir = mkdtempSync(join(root, 'protected-'));
  const { data } = await dataFileWithOnePush(dir);
  chmodSync(data, 0o444);
  const before = snapshotOf(dir);
  const failure = await refusal(['--port', '0', '--data', data]);
  expect(failure.exit).toBe(1);
  const line = failure.stderr.trim();
  expect(line.split('\n')).toHaveLength(1);
  expect(line).toContain(`The data file ${data} is read-only`);
  expect(line).toContain('--read-only');
  expect(snapshotOf(dir)).toEqual(before);
});

test('--read-only loads a protected data file as a fixture, serves it, and never writes it or beside it', async () => {
  const dir = mkdtempSync(join(root, 'fixture-'));
  const { data, id } = await dataFileWithOnePush(dir);
  chmodSync(data, 0o444);
  chmodSync(`${data}.key`, 0o400);
  const before = snapshotOf(dir);
  for (let run = 0; run < 2; run++) {
    const e = await spawnEmulator(['--port', '0', '--data', data, '--read-only', '--quiet']);
    const client = new KeepAliveClient(e.url, 1);
    expect((await client.json('GET', `/_emulator/transactions/${id}`)).status).toBe(200);
    const token = await fetchToken(client);
    const pushed = await client.json(
      'POST',
      '/mpesa/stkpush/v1/processrequest',
      stkPushBody(phoneNumber(2), 'http://127.0.0.1:9/cb'),
      { Authorization: `Bearer ${token}` },
    );
    expect(pushed.status).toBe(200);
    // Each run starts from the fixture: the previous run's push is not there.
    expect((await client.json('GET', '/_emulator/transactions?type=stk')).json).toHaveLength(2);
    client.close();
    expect(await e.stop('SIGTERM')).toBe(0);
    expect(snapshotOf(dir)).toEqual(before);
  }
});

test('--read-only without the data file is refused', async () => {
  const failure = await refusal(['--port', '0', '--data', join(root, 'nowhere.json'), '--read-only']);
  expect(failure.exit).toBe(1);
  expect(failure.stderr).toContain('--read-only needs an existing data file');
  expect(existsSync(join(root, 'nowhere.json.key'))).toBe(false);
});

test('a missing key file is reported as missing, and no new key file is left behind', async () => {
  const dir = mkdtempSync(join(root, 'keyless-'));
  const { data } = await dataFileWithOnePush(dir);
  rmSync(`${data}.key`);
  const before = snapshotOf(dir);
  for (const args of [[], ['--read-only']]) {
    const failure = await refusal(['--port', '0', '--data', data, ...args]);
    expect(failure.exit).toBe(1);
    expect(failure.stderr).toContain(`the key file ${data}.key is missing`);
    expect(failure.stderr).not.toContain('replaced');
    expect(existsSync(`${data}.key`)).toBe(false);
    expect(snapshotOf(dir)).toEqual(before);
  }
});
