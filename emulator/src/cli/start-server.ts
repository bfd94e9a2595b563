import { existsSync } from 'node:fs';
import { isLoopback, CliError, type CliOptions } from '../config/cli.js';
import { readConfigFile, type ConfigFile } from '../config/config-file.js';
import { mergeSettings } from '../config/settings-holder.js';
import { defaultSettings } from '../config/defaults.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { Emulator, type Listening } from '../emulator.js';
import { startCliTls } from '../tls/cli-tls.js';
import type { TlsEndpoint } from '../tls/serve-tls.js';

/**
 * Every write is durable in the data file's log when it returns; a snapshot only folds the log into the data
 * file, written record by record with the event loop running between slices of about 64 KB. Under load,
 * snapshot every half minute or 100,000 writes rather than every second; the log then stays under about
 * 100 MB and replays in a second or two on start.
 */
const SNAPSHOTS = { snapshotEveryMs: 30_000, snapshotEveryWrites: 100_000 };

/** How long a stop waits for callbacks in flight before it saves state anyway. */
const CALLBACK_GRACE_MS = 3_000;

export interface RunningServer {
  emulator: Emulator;
  listening: Listening;
  tls: TlsEndpoint | undefined;
  store: Store;
  clock: 'system' | 'manual';
  settings: ReturnType<typeof defaultSettings>;
  /** Finishes callbacks in flight (within a grace period), stops listening and saves state. */
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** Where the emulator's own log lines go (request errors, store warnings). */
  log: (line: string) => void;
  warn: (line: string) => void;
}

/** Reads the config file, opens the store, builds the emulator and listens: what `daraja-emulator` runs. */
export async function startServer(cli: CliOptions, options: StartServerOptions): Promise<RunningServer> {
  if (!isLoopback(cli.host) && !cli.adminToken) {
    throw new CliError(
      `Binding to ${cli.host} exposes the control API beyond this machine; set --admin-token (or DARAJA_EMULATOR_ADMIN_TOKEN) to protect it.`,
    );
  }
  const file: ConfigFile = cli.configPath ? readConfigFile(cli.configPath) : {};
  const settings = mergeSettings(mergeSettings(defaultSettings(), file.settings ?? {}), cli.settings);
  const fresh = cli.data !== undefined && !existsSync(cli.data);
  const store: Store = cli.data
    ? await openStore({
        kind: 'file',
        path: cli.data,
        readOnly: cli.readOnly,
        ...SNAPSHOTS,
        onWarning: options.warn,
      })
    : await openStore({ kind: 'memory' });
  const clock = cli.clock ?? file.clock ?? 'system';
  let emulator: Emulator;
  let listening: Listening;
  try {
    emulator = new Emulator({
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
      history: { ...file.history, ...cli.history },
      log: options.log,
    });
    // A new data file starts with the configured world already folded in, so that seeding a large config
    // (thousands of customers) does not leave a long log for the first snapshot to fold under load.
    if (store.kind === 'file' && fresh) await store.flush();
    listening = await emulator.listen(cli.port, cli.host);
  } catch (error) {
    // Nothing was served: release the data file's lock so that a second try can open it.
    await store.close().catch(() => undefined);
    throw error;
  }
  const tls = cli.tls ? await startCliTls(emulator, listening, cli) : undefined;
  if (tls) emulator.ownAddress.addServer(cli.host, tls.port);
  const started = emulator;
  return {
    emulator,
    listening,
    tls,
    store,
    clock,
    settings,
    async stop() {
      await tls?.close();
      await Promise.race([started.close(), delay(CALLBACK_GRACE_MS)]);
      await store.close();
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
