import { parseArgs } from 'node:util';
import type { SettingsPatch } from 'daraja-client/emulator';
import { DEFAULT_DATA_PATH, DEFAULT_HOST, DEFAULT_PORT } from './defaults.js';
import { DEFAULT_HISTORY, parseHistoryOption, type HistoryCaps } from './history-caps.js';

/** Everything main.ts needs, read from argv and the environment: the only place that reads them. */
export interface CliOptions {
  port: number;
  host: string;
  data: string | undefined;
  /** Load the data file as a fixture and never write it. */
  readOnly: boolean;
  configPath: string | undefined;
  clock: 'system' | 'manual' | undefined;
  seed: string | undefined;
  adminToken: string | undefined;
  corsOrigins: string[];
  /** Host names requests may be addressed to besides loopback, the bound address and Safaricom's. */
  allowedHosts: string[];
  quiet: boolean;
  readyJson: boolean;
  settings: SettingsPatch;
  help: boolean;
  /** Serve HTTPS too, with a local CA (see tls/serve-tls.ts). */
  tls: boolean;
  /** undefined: 443, or 7443 when 443 is refused (see tls/tls-names.ts). */
  tlsPort: number | undefined;
  tlsDir: string | undefined;
  /** History caps from --history; a config file's `history` fills in the rest. */
  history: Partial<HistoryCaps>;
}

export class CliError extends Error {
  override readonly name = 'CliError';
}

/** The subcommand that verifies Pact files against the emulator (see docs/contracts.md). */
export const VERIFY_PACTS_COMMAND = 'verify-pacts';

/** The subcommand that runs a command against a fresh emulator (see docs/ci.md). */
export const EXEC_COMMAND = 'exec';

/** The subcommand that plays callback variants against an app (see docs/conformance.md). */
export const CONFORMANCE_COMMAND = 'conformance';

/** The subcommand that receives callbacks and prints them (see docs/conformance.md). */
export const SINK_COMMAND = 'sink';

export const USAGE = `Usage: daraja-emulator [options]
       daraja-emulator ${EXEC_COMMAND} [options] -- <command> [args...]     (see ${EXEC_COMMAND} --help)
       daraja-emulator ${VERIFY_PACTS_COMMAND} <pact file or folder>... [options]   (see ${VERIFY_PACTS_COMMAND} --help)
       daraja-emulator ${CONFORMANCE_COMMAND} [options]   play every callback variant against your app (see --help)
       daraja-emulator ${SINK_COMMAND} [options]          receive callbacks and print them (see --help)

  --port <n>            port to listen on (default ${DEFAULT_PORT}; 0 picks a free port; env PORT)
  --host <addr>         address to bind (default ${DEFAULT_HOST}; env HOST). Any other address
                        needs --admin-token, which then guards /_emulator/ and the live socket
  --data <file>         data file (default ${DEFAULT_DATA_PATH}; env DARAJA_EMULATOR_DATA)
  --memory              keep state in memory only
  --read-only           load the data file as a fixture and never write it or beside it
  --config <file>       JSON or YAML config: apps, shortcodes, customers, settings, faults
                        (env DARAJA_EMULATOR_CONFIG)
  --clock <kind>        system (default) or manual (virtual time, moved through the control API)
  --auto-accept         answer every STK prompt as if the customer entered the right PIN
  --seed <value>        make ids and receipts repeatable
  --admin-token <t>     token for the control API (env DARAJA_EMULATOR_ADMIN_TOKEN)
  --tls                 also serve HTTPS for sandbox.safaricom.co.ke and api.safaricom.co.ke with a
                        local CA, and act as their HTTPS proxy (env DARAJA_EMULATOR_TLS=1)
  --tls-port <n>        HTTPS port (default 443, or 7443 when 443 is refused; env DARAJA_EMULATOR_TLS_PORT)
  --tls-dir <dir>       CA, certificate and preload modules (default: tls/ beside the data file, or
                        .daraja-emulator/tls; env DARAJA_EMULATOR_TLS_DIR)
  --cors-origin <url>   allow a browser origin to call the control API (repeatable)
  --allowed-host <name> also answer requests addressed to this host name (repeatable; besides
                        loopback, the bound address and Safaricom's names; * allows any;
                        env DARAJA_EMULATOR_ALLOWED_HOSTS, comma-separated)
  --history <kind>=<n>  keep at most n records of a history, oldest dropped first (repeatable or
                        comma-separated; kinds and defaults: ${Object.entries(DEFAULT_HISTORY)
                          .map(([k, n]) => `${k} ${n}`)
                          .join(', ')};
                        customers counts only those added on the fly for unknown phones)
  --ready-json          print the ready line as JSON
  --quiet               print only the ready line and errors
  --help                show this text`;

export function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        memory: { type: 'boolean' },
        'read-only': { type: 'boolean' },
        config: { type: 'string' },
        clock: { type: 'string' },
        'auto-accept': { type: 'boolean' },
        seed: { type: 'string' },
        'admin-token': { type: 'string' },
        tls: { type: 'boolean' },
        'tls-port': { type: 'string' },
        'tls-dir': { type: 'string' },
        'cors-origin': { type: 'string', multiple: true },
        'allowed-host': { type: 'string', multiple: true },
        history: { type: 'string', multiple: true },
        'ready-json': { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const portText = values.port ?? env.PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`--port must be 0-65535, not "${portText}".`);
  const tlsPortText = values['tls-port'] ?? env.DARAJA_EMULATOR_TLS_PORT;
  const tlsPort = tlsPortText === undefined ? undefined : Number(tlsPortText);
  if (tlsPort !== undefined && (!Number.isInteger(tlsPort) || tlsPort < 0 || tlsPort > 65535)) {
    throw new CliError(`--tls-port must be 0-65535, not "${tlsPortText}".`);
  }
  if (values['read-only'] && values.memory)
    throw new CliError('--read-only reads a data file; drop --memory.');
  const clock = values.clock;
  if (clock !== undefined && clock !== 'system' && clock !== 'manual') {
    throw new CliError(`--clock must be "system" or "manual", not "${clock}".`);
  }
  let history: Partial<HistoryCaps>;
  try {
    history = parseHistoryOption(values.history ?? []);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  return {
    port,
    host: values.host ?? env.HOST ?? DEFAULT_HOST,
    data: values.memory ? undefined : (values.data ?? env.DARAJA_EMULATOR_DATA ?? DEFAULT_DATA_PATH),
    readOnly: values['read-only'] ?? false,
    configPath: values.config ?? env.DARAJA_EMULATOR_CONFIG,
    clock,
    seed: values.seed,
    adminToken: values['admin-token'] ?? env.DARAJA_EMULATOR_ADMIN_TOKEN,
    corsOrigins: values['cors-origin'] ?? [],
    allowedHosts: [
      ...(env.DARAJA_EMULATOR_ALLOWED_HOSTS ?? '').split(',').filter((h) => h.trim() !== ''),
      ...(values['allowed-host'] ?? []),
    ],
    quiet: values.quiet ?? false,
    readyJson: values['ready-json'] ?? false,
    settings: values['auto-accept'] ? { stk: { defaultOutcome: 'accept' } } : {},
    help: values.help ?? false,
    tls: values.tls ?? (env.DARAJA_EMULATOR_TLS === '1' || env.DARAJA_EMULATOR_TLS === 'true'),
    tlsPort,
    tlsDir: values['tls-dir'] ?? env.DARAJA_EMULATOR_TLS_DIR,
    history,
  };
}

/** Loopback addresses: binding to anything else exposes the control API. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
