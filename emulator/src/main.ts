#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { SettingsError } from './config/validate-settings.js';
import { CliError, USAGE, VERIFY_PACTS_COMMAND, isLoopback, parseCli } from './config/cli.js';
import { ConfigFileError, readConfigFile, type ConfigFile } from './config/config-file.js';
import { mergeSettings } from './config/settings-holder.js';
import { defaultSettings } from './config/defaults.js';
import { openStore } from './store/open-store.js';
import { StoreOpenError, type Store } from './store/store.js';
import { createEmulator } from './emulator.js';
import { FaultRuleError } from './faults/validate-rule.js';
import { startCliTls } from './tls/cli-tls.js';
import { tlsInstructions } from './tls/instructions.js';

/**
 * Under a steady load V8 lets the heap grow to four times what survives a collection (history records are
 * promoted faster than it collects them), so a busy emulator held several hundred MB for about 35 MB of live
 * data. Growing by half instead keeps it near 150 MB at the cost of more frequent full collections; V8 reads
 * this flag at every collection, so setting it here works without restarting the process. Embedders of
 * createEmulator() keep their own process's settings.
 */
setFlagsFromString('--heap-growing-percent=100');

/**
 * Every write is durable in the data file's log when it returns; a snapshot only folds the log into the data
 * file, written record by record with the event loop running between slices of about a megabyte. Under load,
 * snapshot every half minute or 100,000 writes rather than every second; the log then stays under about
 * 100 MB and replays in a second or two on start.
 */
const SNAPSHOTS = { snapshotEveryMs: 30_000, snapshotEveryWrites: 100_000 };

/** How long SIGTERM waits for callbacks in flight before it saves state and exits anyway. */
const CALLBACK_GRACE_MS = 3_000;

/** Start-up: read config, open the store, build the emulator, listen. The only file with side effects. */
async function main(): Promise<void> {
  if (process.argv[2] === VERIFY_PACTS_COMMAND) {
    // Loaded on demand: only this command needs Pact, an optional dependency.
    const { runVerifyCommand } = await import('./pact/verify-command.js');
    process.exitCode = await runVerifyCommand(process.argv.slice(3));
    return;
  }
  const cli = parseCli(process.argv.slice(2), process.env);
  if (cli.help) {
    console.log(USAGE);
    return;
  }
  if (!isLoopback(cli.host) && !cli.adminToken) {
    throw new CliError(
      `Binding to ${cli.host} exposes the control API beyond this machine; set --admin-token (or DARAJA_EMULATOR_ADMIN_TOKEN) to protect it.`,
    );
  }
  const file: ConfigFile = cli.configPath ? readConfigFile(cli.configPath) : {};
  const settings = mergeSettings(mergeSettings(defaultSettings(), file.settings ?? {}), cli.settings);
  const info = (line: string) => {
    if (!cli.quiet) console.log(line);
  };
  const fresh = cli.data !== undefined && !existsSync(cli.data);
  const store: Store = cli.data
    ? await openStore({
        kind: 'file',
        path: cli.data,
        readOnly: cli.readOnly,
        ...SNAPSHOTS,
        onWarning: (m) => console.warn(`warning: ${m}`),
      })
    : await openStore({ kind: 'memory' });
  const clock = cli.clock ?? file.clock ?? 'system';
  const emulator = createEmulator({
    clock,
    store,
    settings,
    world: {
      ...(file.apps ? { apps: file.apps } : {}),
      ...(file.shortcodes ? { shortcodes: file.shortcodes } : {}),
      ...(file.customers ? { customers: file.customers } : {}),
      ...(file.includeDefaults === false ? { includeDefaults: false } : {}),
    },
    ...(cli.seed !== undefined || file.seed !== undefined ? { seed: cli.seed ?? file.seed } : {}),
    ...(cli.adminToken ? { adminToken: cli.adminToken } : {}),
    ...(file.faults ? { faults: file.faults } : {}),
    corsOrigins: cli.corsOrigins,
    allowedHosts: cli.allowedHosts,
    log: (line) => console.error(line),
  });
  // A new data file starts with the configured world already folded in, so that seeding a large config
  // (thousands of customers) does not leave a long log for the first snapshot to fold under load.
  if (store.kind === 'file' && fresh) await store.flush();
  const listening = await emulator.listen(cli.port, cli.host);
  const tls = cli.tls ? await startCliTls(emulator, listening, cli) : undefined;
  if (tls) emulator.ownAddress.addServer(cli.host, tls.port);
  if (cli.readyJson) {
    console.log(
      JSON.stringify({
        event: 'ready',
        url: listening.url,
        port: listening.port,
        pid: process.pid,
        ...(tls
          ? { tls: { url: tls.url, port: tls.port, caPath: tls.caPath, preloadPath: tls.preloadPath } }
          : {}),
      }),
    );
  } else {
    console.log(`daraja-emulator ready on ${listening.url} (phone UI at /, control API at /_emulator/)`);
  }
  info(
    `  data: ${store.location}; clock: ${clock}; STK outcome: ${JSON.stringify(settings.stk.defaultOutcome)}`,
  );
  if (tls) info(tlsInstructions(tls, listening.url));
  process.send?.({ event: 'ready', url: listening.url, port: listening.port });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    info(`received ${signal}; finishing callbacks in flight and saving state`);
    // Callbacks in flight get a bounded grace period; the store is flushed and its lock released either way.
    const backstop = setTimeout(() => process.exit(1), CALLBACK_GRACE_MS + 10_000);
    backstop.unref();
    await tls?.close();
    await Promise.race([emulator.close(), new Promise((resolve) => setTimeout(resolve, CALLBACK_GRACE_MS))]);
    try {
      await emulator.store.close();
    } catch (error) {
      console.error(`daraja-emulator: could not save state on exit: ${(error as Error).message}`);
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  const known =
    error instanceof CliError ||
    error instanceof ConfigFileError ||
    error instanceof StoreOpenError ||
    error instanceof SettingsError ||
    error instanceof FaultRuleError ||
    (error as NodeJS.ErrnoException)?.code === 'EADDRINUSE';
  const message =
    (error as NodeJS.ErrnoException)?.code === 'EADDRINUSE'
      ? `The port is already in use: ${(error as Error).message}. Pick another with --port (0 picks a free one).`
      : ((error as Error)?.message ?? String(error));
  console.error(`daraja-emulator: ${known ? message : `failed to start: ${message}`}`);
  process.exit(1);
});
