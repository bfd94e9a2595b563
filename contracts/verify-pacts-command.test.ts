import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runVerifyCommand, type CommandIo } from '../emulator/src/pact/verify-command.js';
import {
  badStateValuePact,
  failingPact,
  passingPacts,
  removeUserPacts,
  unknownStatePact,
  wrongPasskeyPact,
} from './support/user-pacts.js';

const MAIN = fileURLToPath(new URL('../emulator/dist/main.js', import.meta.url));

function capture(): CommandIo & { out: (line: string) => void; lines: { out: string[]; err: string[] } } {
  const lines = { out: [] as string[], err: [] as string[] };
  return { lines, out: (line) => lines.out.push(line), err: (line) => lines.err.push(line) };
}

describe('daraja-emulator verify-pacts', () => {
  afterAll(removeUserPacts);

  it('passes another consumer’s hand-written pacts, HTTP and callback, with inline and param states', async () => {
    const io = capture();
    const code = await runVerifyCommand([passingPacts()], {}, io);
    expect(io.lines.err).toEqual([]);
    expect(code).toBe(0);
    expect(io.lines.out.at(-1)).toBe('PASS: 5 interaction(s) verified against daraja-emulator.');
  });

  it('fails with exit code 1 and names the interaction and the field the emulator does not honour', async () => {
    const io = capture();
    const code = await runVerifyCommand([failingPact()], {}, io);
    expect(code).toBe(1);
    expect(io.lines.err).toContain('FAIL: 1 of 2 interaction(s) failed.');
    expect(io.lines.err.join('\n')).toContain(
      "a checkout prompt for Ksh 150: $.ResponseCode Expected '0' (String) to be equal to '00' (String)",
    );
    expect(io.lines.err).toContain(
      'Why "a checkout prompt for Ksh 150" failed: the emulator answered HTTP 200 without an error envelope.',
    );
  });

  it('explains a failed interaction with the error code, message and journal explanation of its request', async () => {
    const io = capture();
    const code = await runVerifyCommand([wrongPasskeyPact()], {}, io);
    expect(code).toBe(1);
    const text = io.lines.err.join('\n');
    expect(text).toContain('a checkout prompt for Ksh 150: expected 200 but was 500');
    expect(io.lines.err).toContain(
      'Why "a checkout prompt for Ksh 150" failed: the emulator answered HTTP 500 with errorCode 500.001.1001, errorMessage "[MerchantValidate] - Wrong credentials".',
    );
    expect(io.lines.err).toContain(
      '    journal: The passkey inside the Password is 20 characters long; the passkey configured for shortcode 555123 has 17.',
    );
    // The interaction that passed is not explained.
    expect(text).not.toContain('Why "a token request from the shop"');
  });

  it('refuses a pact with a provider state it does not understand before verifying anything', async () => {
    const io = capture();
    const code = await runVerifyCommand([unknownStatePact()], {}, io);
    expect(code).toBe(1);
    expect(io.lines.err).toContain('FAIL: verification did not run.');
    expect(io.lines.err.join('\n')).toContain(
      'interaction "a checkout prompt for Ksh 150": unknown provider state "the shop is open for business"',
    );
    expect(io.lines.err.at(-1)).toMatch(/--states/);
  });

  it('fails when a state cannot be set up, even if the interaction itself passes', async () => {
    const io = capture();
    const code = await runVerifyCommand([badStateValuePact()], {}, io);
    expect(code).toBe(1);
    expect(io.lines.err.join('\n')).toContain(
      'Provider state "customer 0711000222 has balance 150" could not be set up: {msisdn}: "0711000222" is not a Kenyan MSISDN',
    );
  });

  it.each([
    [['/nowhere/pacts'], '/nowhere/pacts does not exist.'],
    [[], 'name at least one pact file or folder.'],
    [['pacts', '--port', '70000'], '--port must be 0-65535, not "70000".'],
    [
      ['pacts', '--log-level', 'loud'],
      '--log-level must be one of error, warn, info, debug, trace, not "loud".',
    ],
  ])('rejects %j with a message and exit code 1', async (argv, message) => {
    const io = capture();
    expect(await runVerifyCommand(argv, {}, io)).toBe(1);
    expect(io.lines.err.join('\n')).toContain(message);
  });

  it('exits 0 and 1 from the command line', () => {
    const run = (path: string) =>
      spawnSync(process.execPath, [MAIN, 'verify-pacts', path], {
        env: { ...process.env, PACT_DO_NOT_TRACK: 'true' },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const passed = run(passingPacts());
    expect(passed.stdout).toContain('PASS: 5 interaction(s) verified');
    expect(passed.status).toBe(0);
    const failed = run(failingPact());
    expect(failed.stderr).toContain('FAIL: 1 of 2 interaction(s) failed.');
    expect(failed.status).toBe(1);
  });
});
