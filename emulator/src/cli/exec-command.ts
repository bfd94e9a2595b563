import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { constants } from 'node:os';
import { CliError, EXEC_COMMAND, parseCli } from '../config/cli.js';
import { CONTROL_PREFIX } from 'daraja-client/emulator';
import { describeFailure } from './cli-failure.js';
import { startServer, type RunningServer } from './start-server.js';

export const EXEC_USAGE = `Usage: daraja-emulator ${EXEC_COMMAND} [options] -- <command> [args...]

Starts a fresh emulator on a free port, waits until it is ready, runs <command> with these variables set,
then stops the emulator and exits with the command's exit status:

  DARAJA_BASE_URL       the emulator's base URL, to use in place of https://sandbox.safaricom.co.ke
  DARAJA_EMULATOR_URL   the control API (${CONTROL_PREFIX}), for tests that tap the phone or move the clock

A single <command> argument is run by the shell ("npm test && npm run e2e"); several are run as they are.

  --log-file <file>     where the emulator's own log goes (default .daraja-emulator/exec.log)
  --verbose             write the emulator's log to stderr instead
  --quiet               say nothing but errors
  Any option of daraja-emulator (--config, --auto-accept, --clock, --seed, --data, --port, ...). By
  default the emulator keeps its state in memory and listens on a free port.`;

const DEFAULT_LOG_FILE = '.daraja-emulator/exec.log';

/** The environment variables the command is given. */
export function execEnvironment(baseUrl: string, adminToken: string | undefined): Record<string, string> {
  return {
    DARAJA_BASE_URL: baseUrl,
    DARAJA_EMULATOR_URL: `${baseUrl}${CONTROL_PREFIX}`,
    ...(adminToken ? { DARAJA_EMULATOR_ADMIN_TOKEN: adminToken } : {}),
  };
}

interface ExecArgs {
  command: string[];
  emulatorArgs: string[];
  logFile: string | undefined;
  quiet: boolean;
  help: boolean;
}

/** Splits `exec`'s arguments at `--` and takes out the options that are exec's own. */
export function parseExecArgs(argv: string[]): ExecArgs {
  const split = argv.indexOf('--');
  const before = split === -1 ? argv : argv.slice(0, split);
  const command = split === -1 ? [] : argv.slice(split + 1);
  const emulatorArgs: string[] = [];
  let logFile: string | undefined = DEFAULT_LOG_FILE;
  let quiet = false;
  let help = false;
  for (let i = 0; i < before.length; i++) {
    const arg = before[i]!;
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--verbose') logFile = undefined;
    else if (arg === '--quiet') quiet = true;
    else if (arg === '--log-file' || arg.startsWith('--log-file=')) {
      const value = arg === '--log-file' ? before[++i] : arg.slice('--log-file='.length);
      if (!value) throw new CliError(`--log-file needs a file name.\n\n${EXEC_USAGE}`);
      logFile = value;
    } else emulatorArgs.push(arg);
  }
  if (!help && command.length === 0) {
    throw new CliError(
      `no command given: put it after "--", as in daraja-emulator ${EXEC_COMMAND} -- npm test`,
    );
  }
  const named = (name: string) => emulatorArgs.some((a) => a === name || a.startsWith(`${name}=`));
  // A fresh emulator for every run: state in memory and a free port, unless asked otherwise.
  if (!named('--port')) emulatorArgs.push('--port', '0');
  if (!named('--data') && !named('--memory')) emulatorArgs.push('--memory');
  return { command, emulatorArgs, logFile, quiet: quiet || named('--quiet'), help };
}

/**
 * `daraja-emulator exec -- <command>`: runs a command against an emulator that lives exactly as long as it.
 * Resolves to the exit status to leave with; every failure is one line on stderr.
 */
export async function runExecCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const fail = (message: string, status = 2) => {
    console.error(`daraja-emulator ${EXEC_COMMAND}: ${message}`);
    return status;
  };
  let args: ExecArgs;
  try {
    args = parseExecArgs(argv);
  } catch (error) {
    return fail((error as Error).message);
  }
  if (args.help) {
    console.log(EXEC_USAGE);
    return 0;
  }
  // PORT and the data file in the environment belong to the app under test, not to this emulator.
  const { PORT: _port, DARAJA_EMULATOR_DATA: _data, ...emulatorEnv } = env;
  let log: WriteStream | undefined;
  let server: RunningServer | undefined;
  try {
    const cli = parseEmulatorArgs(args.emulatorArgs, emulatorEnv);
    log = args.logFile ? await openLog(args.logFile) : undefined;
    const write = (line: string) => (log ? log.write(`${line}\n`) : console.error(line));
    server = await startServer(cli, { log: write, warn: (line) => write(`warning: ${line}`) });
    const vars = execEnvironment(server.listening.url, cli.adminToken);
    if (!args.quiet) {
      console.error(
        `daraja-emulator ${EXEC_COMMAND}: emulator ready on ${server.listening.url}` +
          `${args.logFile ? ` (log: ${args.logFile})` : ''}; running ${args.command.join(' ')}`,
      );
    }
    return await runCommand(args.command, { ...env, ...vars });
  } catch (error) {
    const status = error instanceof CommandNotRun ? 127 : 1;
    return fail(error instanceof CommandNotRun ? error.message : describeFailure(error), status);
  } finally {
    await server
      ?.stop()
      .catch((error: unknown) => fail(`could not stop the emulator: ${describeFailure(error)}`));
    log?.end();
  }
}

class CommandNotRun extends Error {}

/** The emulator's own options, with a one-line error that points at `exec --help` rather than the usage. */
function parseEmulatorArgs(argv: string[], env: NodeJS.ProcessEnv) {
  try {
    return parseCli(argv, env);
  } catch (error) {
    const [first] = (error as Error).message.split('\n');
    throw new CliError(`${first} (daraja-emulator ${EXEC_COMMAND} --help lists the options)`);
  }
}

/** Opens the log file for appending, creating its folder; fails with a sentence when it cannot. */
async function openLog(path: string): Promise<WriteStream> {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new CliError(`cannot create the folder of the log file ${path}: ${(error as Error).message}`);
  }
  const stream = createWriteStream(path, { flags: 'a' });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error) =>
      reject(new CliError(`cannot write the log file ${path}: ${(error as Error).message}`)),
    );
  });
  return stream;
}

/**
 * Runs the command with the terminal's stdin, stdout and stderr, passing on SIGINT and SIGTERM, and resolves
 * to its exit status (128 + the signal's number when a signal ended it, as shells report it).
 */
function runCommand(command: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [file, ...rest] = command as [string, ...string[]];
  const child =
    rest.length === 0
      ? spawn(file, { stdio: 'inherit', env, shell: true })
      : spawn(file, rest, { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return new Promise<number>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new CommandNotRun(
          error.code === 'ENOENT' ? `command not found: ${file}` : `could not run ${file}: ${error.message}`,
        ),
      );
    });
    child.once('exit', (code, signal) => {
      resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
    });
  }).finally(() => {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  });
}
