import { parseArgs } from 'node:util';
import type { EmulatorOptions } from '../emulator.js';
import { readConfigFile } from '../config/config-file.js';
import { PactMissingError } from './load-pact.js';
import { PactFileError } from './pact-files.js';
import { verifyPacts, type VerifyPactsOptions, type VerifyPactsResult } from './verify-pacts.js';
import { PROVIDER_STATES } from './provider-states.js';
import { CALLBACK_MESSAGES } from './callback-messages.js';
import { explanationLines } from './failure-explanations.js';

export const VERIFY_USAGE = `Usage: daraja-emulator verify-pacts <pact file or folder>... [options]

Verifies your Daraja consumer pacts against a fresh in-process emulator: each interaction starts from the
configured world, its provider states are set up, and the recorded request is replayed. Needs
@pact-foundation/pact installed beside daraja-emulator. Exit code 0 when every interaction passes, else 1.

  --port <n>            port the emulator listens on while verifying (default 0: a free port)
  --host <addr>         address to bind (default 127.0.0.1)
  --config <file>       JSON or YAML config: apps, shortcodes, customers, settings, faults
                        (env DARAJA_EMULATOR_CONFIG)
  --log-level <level>   Pact's own logging: error (default), warn, info, debug, trace
  --states              list the provider states and callback messages the emulator understands
  --help                show this text`;

const LOG_LEVELS = ['error', 'warn', 'info', 'debug', 'trace'] as const;

/** Where the command writes: stdout and stderr, or a test's buffers. */
export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

const processIo: CommandIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

/** Runs `daraja-emulator verify-pacts …`; resolves with the exit code. */
export async function runVerifyCommand(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CommandIo = processIo,
): Promise<number> {
  let options: VerifyPactsOptions;
  try {
    const parsed = parseVerifyArgs(argv, env);
    if (parsed === 'help') {
      io.out(VERIFY_USAGE);
      return 0;
    }
    if (parsed === 'states') {
      io.out(statesText());
      return 0;
    }
    options = parsed;
  } catch (error) {
    io.err(`daraja-emulator verify-pacts: ${(error as Error).message}`);
    return 1;
  }
  try {
    const result = await verifyPacts(options);
    for (const line of summary(result)) (result.ok ? io.out : io.err)(line);
    return result.ok ? 0 : 1;
  } catch (error) {
    // Errors that explain themselves (bad pact paths, a missing Pact install, an invalid config).
    const known =
      error instanceof PactFileError ||
      error instanceof PactMissingError ||
      ['ConfigFileError', 'SettingsError', 'FaultRuleError'].includes((error as Error).name);
    io.err(`daraja-emulator verify-pacts: ${known ? '' : 'failed: '}${(error as Error).message}`);
    return 1;
  }
}

function parseVerifyArgs(argv: string[], env: NodeJS.ProcessEnv): VerifyPactsOptions | 'help' | 'states' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        config: { type: 'string' },
        'log-level': { type: 'string' },
        states: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n\n${VERIFY_USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.states) return 'states';
  if (positionals.length === 0) throw new Error(`name at least one pact file or folder.\n\n${VERIFY_USAGE}`);
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be 0-65535, not "${values.port}".`);
  }
  const logLevel = values['log-level'] ?? 'error';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new Error(`--log-level must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}".`);
  }
  const configPath = values.config ?? env.DARAJA_EMULATOR_CONFIG;
  return {
    pactPaths: positionals,
    port,
    host: values.host ?? '127.0.0.1',
    logLevel: logLevel as (typeof LOG_LEVELS)[number],
    emulator: configPath === undefined ? {} : emulatorOptions(configPath),
  };
}

/** The emulator every interaction starts from, as the server would build it from the same config file. */
function emulatorOptions(path: string): EmulatorOptions {
  const file = readConfigFile(path);
  return {
    ...(file.settings ? { settings: file.settings } : {}),
    world: {
      ...(file.apps ? { apps: file.apps } : {}),
      ...(file.shortcodes ? { shortcodes: file.shortcodes } : {}),
      ...(file.customers ? { customers: file.customers } : {}),
      ...(file.includeDefaults === false ? { includeDefaults: false } : {}),
    },
    ...(file.seed !== undefined ? { seed: file.seed } : {}),
    ...(file.faults ? { faults: file.faults } : {}),
  };
}

/** The closing lines: a count, then each failure on its own line. */
function summary(result: VerifyPactsResult): string[] {
  const pacts = result.files.map((f) => `${f.consumer} → ${f.provider} (${f.path})`);
  const lines = [`Pacts: ${pacts.join('; ')}`];
  if (result.ok) {
    lines.push(`PASS: ${result.interactions.length} interaction(s) verified against daraja-emulator.`);
    return lines;
  }
  const failed = result.interactions.filter((i) => !i.ok).length;
  lines.push(
    result.interactions.length === 0
      ? 'FAIL: verification did not run.'
      : `FAIL: ${failed} of ${result.interactions.length} interaction(s) failed.`,
  );
  for (const problem of result.problems) lines.push(`  - ${problem}`);
  lines.push(...explanationLines(result.failures));
  if (result.problems.some((p) => p.includes('unknown provider state'))) {
    lines.push('Run `daraja-emulator verify-pacts --states` for the states the emulator understands.');
  }
  return lines;
}

function statesText(): string {
  const states = PROVIDER_STATES.map((s) => {
    const returns = s.returns.length > 0 ? ` Returns: ${s.returns.join(', ')}.` : '';
    return `  ${s.template.text}\n      ${s.summary}${returns}`;
  });
  const messages = CALLBACK_MESSAGES.map((m) => `  ${m}`);
  return [
    'Provider states (values in the description, or as Pact params):',
    ...states,
    '',
    'Callback messages (message pact descriptions):',
    ...messages,
  ].join('\n');
}
