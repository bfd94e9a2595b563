import path from 'node:path';
import type { Emulator, Listening } from '../emulator.js';
import type { CliOptions } from '../config/cli.js';
import { serveTls, type TlsEndpoint } from './serve-tls.js';
import { DEFAULT_TLS_DIR, DEFAULT_TLS_PORT, FALLBACK_TLS_PORT } from './tls-names.js';

/**
 * TLS mode from the command line: the files sit in --tls-dir, else beside the data file (so a CA trusted
 * once stays with its data), else in .daraja-emulator/tls. Without --tls-port, 443 is tried first because
 * that is the port hard-coded clients dial; when it is refused, 7443.
 */
export function startCliTls(
  emulator: Emulator,
  http: Listening,
  cli: Pick<CliOptions, 'tlsDir' | 'tlsPort' | 'data' | 'host'>,
): Promise<TlsEndpoint> {
  const dir = cli.tlsDir ?? (cli.data ? path.join(path.dirname(cli.data), 'tls') : DEFAULT_TLS_DIR);
  return serveTls(emulator, http, {
    dir,
    port: cli.tlsPort ?? DEFAULT_TLS_PORT,
    ...(cli.tlsPort === undefined ? { fallbackPort: FALLBACK_TLS_PORT } : {}),
    host: cli.host,
  });
}
