import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/captures.js';

const MAIN = join(repoRoot, 'emulator', 'dist', 'main.js');
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function start(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = async (): Promise<string> => {
    // No deadline of its own: the test's timeout bounds it, however loaded the machine.
    for (;;) {
      const m = /ready on (http:\/\/\S+)|"url":"(http:\/\/[^"]+)"/.exec(out);
      if (m) return (m[1] ?? m[2]) as string;
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${err}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { child, ready, exited, output: () => out, errors: () => err };
}

describe('the daraja-emulator command', () => {
  it('prints one ready line with the URL of the free port it picked for --port 0', async () => {
    const emu = start(['--port', '0', '--memory']);
    const url = await emu.ready();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(
      emu
        .output()
        .split('\n')
        .filter((l) => l.includes('ready on')),
    ).toHaveLength(1);
    const health = await fetch(`${url}/_emulator/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  it('prints a machine-readable ready line with --ready-json', async () => {
    const emu = start(['--port', '0', '--memory', '--ready-json', '--quiet']);
    await emu.ready();
    const line = JSON.parse(emu.output().trim().split('\n')[0] as string) as { event: string; port: number };
    expect(line.event).toBe('ready');
    expect(line.port).toBeGreaterThan(0);
  });

  it('exits 0 on SIGTERM and keeps what it acknowledged in the data file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daraja-cli-'));
    const data = join(dir, 'data.json');
    const first = start(['--port', '0', '--data', data]);
    const url = await first.ready();
    const created = await fetch(`${url}/_emulator/customers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ msisdn: '254799000111', name: 'Kept Across Restarts', balance: 42 }),
    });
    expect(created.status).toBe(201);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const second = start(['--port', '0', '--data', data]);
    const url2 = await second.ready();
    const customer = await (await fetch(`${url2}/_emulator/customers/254799000111`)).json();
    expect(customer).toMatchObject({ name: 'Kept Across Restarts', balance: 42 });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('refuses to bind beyond loopback without an admin token', async () => {
    const emu = start(['--port', '0', '--memory', '--host', '0.0.0.0']);
    expect(await emu.exited).toBe(1);
    expect(emu.errors()).toMatch(/--admin-token/);
  });

  it('guards the control API with the admin token when one is set', async () => {
    const emu = start(['--port', '0', '--memory', '--admin-token', 'letmein']);
    const url = await emu.ready();
    expect((await fetch(`${url}/_emulator/transactions`)).status).toBe(401);
    expect(
      (await fetch(`${url}/_emulator/transactions`, { headers: { 'x-emulator-token': 'letmein' } })).status,
    ).toBe(200);
  });

  it('reads apps, customers and settings from a config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daraja-cli-'));
    const config = join(dir, 'emulator.json');
    writeFileSync(
      config,
      JSON.stringify({
        apps: [{ name: 'shop', consumerKey: 'shopkey', consumerSecret: 'shopsecret' }],
        customers: [{ msisdn: '254711000222', name: 'Config Customer', pin: '2468', balance: 900 }],
        settings: { stk: { pinTimeoutMs: 30000 } },
      }),
    );
    const emu = start(['--port', '0', '--memory', '--config', config]);
    const url = await emu.ready();
    const settings = await (await fetch(`${url}/_emulator/settings`)).json();
    expect(settings.stk.pinTimeoutMs).toBe(30000);
    const bad = await fetch(`${url}/oauth/v1/generate?grant_type=client_credentials`, {
      headers: { Authorization: `Basic ${Buffer.from('shopkey:nope').toString('base64')}` },
    });
    expect(bad.status).toBe(400);
    expect(await (await fetch(`${url}/_emulator/customers/254711000222`)).json()).toMatchObject({
      balance: 900,
    });
  });

  it.each([
    [['--port', 'abc'], /--port/],
    [['--clock', 'sundial'], /--clock/],
    [['--bogus'], /Unknown option/],
  ])('explains bad arguments %j and exits 1', async (args, message) => {
    const emu = start([...args, '--memory']);
    expect(await emu.exited).toBe(1);
    expect(emu.errors()).toMatch(message);
  });

  it('explains a config file that is not JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daraja-cli-'));
    const config = join(dir, 'broken.json');
    writeFileSync(config, '{ "apps": [');
    const emu = start(['--port', '0', '--memory', '--config', config]);
    expect(await emu.exited).toBe(1);
    expect(emu.errors()).toMatch(/not valid JSON/);
  });
});
