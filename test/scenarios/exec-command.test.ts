import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { repoRoot } from '../support/captures.js';
import { outsideFolder, sh } from '../support/installed.js';

// Each test runs real commands (npm, tsc, node); on a loaded two-core machine they take their time.
vi.setConfig({ testTimeout: 180_000 });

/** `daraja-emulator exec -- <command>`, run as a CI job would run it: the real command in a folder of its own. */
const BIN = join(repoRoot, 'emulator', 'bin', 'daraja-emulator.js');
let cwd: string;
let blocker: Server | undefined;

beforeEach(() => {
  cwd = outsideFolder('exec');
});

afterEach(async () => {
  await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
  blocker = undefined;
});

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function exec(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await sh(process.execPath, [BIN, 'exec', ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** A node one-liner for the command under test. */
const node = (script: string) => [process.execPath, '-e', script];

it('runs the command against a ready emulator whose address is in DARAJA_BASE_URL', async () => {
  const result = await exec(
    '--',
    ...node(`
      const auth = 'Basic ' + Buffer.from('key:secret').toString('base64');
      fetch(process.env.DARAJA_BASE_URL + '/oauth/v1/generate?grant_type=client_credentials', { headers: { authorization: auth } })
        .then((r) => r.json()).then((j) => console.log(j.expires_in, process.env.DARAJA_BASE_URL));`),
  );
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^3599 http:\/\/127\.0\.0\.1:\d+\n$/);
});

it('gives the command the control API too, and the emulator is gone once the command has finished', async () => {
  const result = await exec(
    '--',
    ...node(`
      fetch(process.env.DARAJA_EMULATOR_URL + '/health').then((r) => console.log(r.status, process.env.DARAJA_BASE_URL));`),
  );
  expect(result.code).toBe(0);
  const [status, url] = result.stdout.trim().split(' ');
  expect(status).toBe('200');
  await expect(fetch(`${url}/_emulator/health`)).rejects.toThrow();
});

it('exits with the status of the command', async () => {
  expect((await exec('--', ...node('process.exit(7)'))).code).toBe(7);
});

it('runs a single argument through the shell, so that a command line with && works', async () => {
  const result = await exec('--', 'echo "base=$DARAJA_BASE_URL" && exit 3');
  expect(result.code).toBe(3);
  expect(result.stdout).toMatch(/^base=http:\/\/127\.0\.0\.1:\d+\n$/);
});

it('passes the emulator its own options, such as a config file and automatic acceptance', async () => {
  writeFileSync(
    join(cwd, 'emulator.json'),
    JSON.stringify({
      customers: [{ msisdn: '254700000123', name: 'From Config', pin: '9999', balance: 77 }],
    }),
  );
  const result = await exec(
    '--config',
    'emulator.json',
    '--auto-accept',
    '--',
    ...node(`
      const h = { 'content-type': 'application/json' };
      Promise.all([
        fetch(process.env.DARAJA_EMULATOR_URL + '/customers').then((r) => r.json()),
        fetch(process.env.DARAJA_EMULATOR_URL + '/settings').then((r) => r.json()),
      ]).then(([customers, settings]) => console.log(JSON.stringify(customers).includes('From Config'), settings.stk.defaultOutcome));`),
  );
  expect(result.stdout.trim()).toBe('true accept');
});

it('writes the emulator’s log to a file unless told to be verbose', async () => {
  const result = await exec('--', ...node('0'));
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(
    /emulator ready on http:\/\/127\.0\.0\.1:\d+ \(log: \.daraja-emulator\/exec\.log\)/,
  );
  expect(existsSync(join(cwd, '.daraja-emulator', 'exec.log'))).toBe(true);
  const named = await exec('--log-file', 'logs/emulator.log', '--', ...node('0'));
  expect(named.stderr).toContain('(log: logs/emulator.log)');
  expect(readFileSync(join(cwd, 'logs', 'emulator.log'), 'utf8')).toBe('');
});

it.each([
  ['no command at all', [], 2, /^daraja-emulator exec: no command given: put it after "--"/],
  ['nothing after --', ['--'], 2, /^daraja-emulator exec: no command given/],
  [
    'an unknown option',
    ['--bogus', '--', 'true'],
    1,
    /^daraja-emulator exec: Unknown option '--bogus' \(daraja-emulator exec --help lists the options\)$/,
  ],
  [
    'a command that is not found',
    ['--', 'no-such-command-here', 'arg'],
    127,
    /^daraja-emulator exec: command not found: no-such-command-here$/,
  ],
])('says in one line what is wrong, with a non-zero exit, for %s', async (_case, args, code, message) => {
  const result = await exec(...args);
  expect(result.code).toBe(code);
  const lines = result.stderr.trim().split('\n');
  expect(lines.at(-1)).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
});

it('says in one line that the port is in use', async () => {
  blocker = createServer();
  await new Promise<void>((resolve) => blocker?.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address() as { port: number };
  const result = await exec('--port', String(port), '--', 'true');
  expect(result.code).toBe(1);
  expect(result.stderr.trim()).toMatch(
    /^daraja-emulator exec: The port is already in use: .*Pick another with --port/,
  );
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
});

it('says in one line that the data folder cannot be written', async () => {
  writeFileSync(join(cwd, 'not-a-folder'), '');
  const result = await exec('--data', 'not-a-folder/data.json', '--', 'true');
  expect(result.code).toBe(1);
  expect(result.stderr.trim()).toMatch(
    /^daraja-emulator exec: Cannot open the data file .*not-a-folder\/data\.json/,
  );
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
});
