#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import {
  CONFORMANCE_COMMAND,
  EXEC_COMMAND,
  SINK_COMMAND,
  USAGE,
  VERIFY_PACTS_COMMAND,
  parseCli,
} from './config/cli.js';
import { describeFailure } from './cli/cli-failure.js';
import { readyJson, readyLine } from './cli/ready-line.js';
import { startServer } from './cli/start-server.js';
import { tlsInstructions } from './tls/instructions.js';

/**
 * Under a steady load V8 lets the heap grow to four times what survives a collection (history records are
 * promoted faster than it collects them), so a busy emulator held several hundred MB for about 35 MB of live
 * data. Growing by half instead keeps it near 150 MB at the cost of more frequent full collections; V8 reads
 * this flag at every collection, so setting it here works without restarting the process. Embedders of
 * createEmulator() keep their own process's settings.
 */
setFlagsFromString('--heap-growing-percent=100');

/** Start-up: read config, open the store, build the emulator, listen. The only file with side effects. */
async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === VERIFY_PACTS_COMMAND) {
    // Loaded on demand: only this command needs Pact, an optional dependency.
    const { runVerifyCommand } = await import('./pact/verify-command.js');
    process.exitCode = await runVerifyCommand(rest);
    return;
  }
  if (command === EXEC_COMMAND) {
    const { runExecCommand } = await import('./cli/exec-command.js');
    // Exit at once: the command has finished and the emulator has stopped; nothing else may hold the process.
    process.exit(await runExecCommand(rest, process.env));
  }
  if (command === CONFORMANCE_COMMAND) {
    const { runConformanceCommand } = await import('./conformance/cli/conformance-command.js');
    process.exitCode = await runConformanceCommand(rest);
    return;
  }
  if (command === SINK_COMMAND) {
    const { runSinkCommand } = await import('./sink/sink-command.js');
    process.exitCode = await runSinkCommand(rest);
    return;
  }
  const cli = parseCli(process.argv.slice(2), process.env);
  if (cli.help) {
    console.log(USAGE);
    return;
  }
  const info = (line: string) => {
    if (!cli.quiet) console.log(line);
  };
  const server = await startServer(cli, {
    log: (line) => console.error(line),
    warn: (line) => console.warn(`warning: ${line}`),
  });
  // The handlers come before the ready line: a supervisor may send SIGTERM the moment it reads that line,
  // and a signal with no handler yet would end the process without saving its state.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    info(`received ${signal}; finishing callbacks in flight and saving state`);
    // Callbacks in flight get a bounded grace period; the store is flushed and its lock released either way.
    const backstop = setTimeout(() => process.exit(1), 13_000);
    backstop.unref();
    try {
      await server.stop();
    } catch (error) {
      console.error(`daraja-emulator: could not save state on exit: ${(error as Error).message}`);
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const { listening, tls } = server;
  console.log(cli.readyJson ? readyJson(server, cli.adminToken) : readyLine(server, cli.adminToken));
  info(
    `  data: ${server.store.location}; clock: ${server.clock}; STK outcome: ${JSON.stringify(server.settings.stk.defaultOutcome)}`,
  );
  if (tls) info(tlsInstructions(tls, listening.url));
  process.send?.({ event: 'ready', url: listening.url, port: listening.port });
}

main().catch((error: unknown) => {
  console.error(`daraja-emulator: ${describeFailure(error)}`);
  process.exit(1);
});
