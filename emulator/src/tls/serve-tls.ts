import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Emulator, Listening } from '../emulator.js';
import type { TlsEndpoint } from './tls-endpoint.js';
import { applyConnectionLimits, serverOptions } from '../http/connection-limits.js';
import { ensureCertificates } from './certificates.js';
import { connectTunnel } from './connect-tunnel.js';
import { preloadSource } from './preload-source.js';
import { sniffTls } from './tls-sniff.js';
import { DARAJA_HOST_NAMES, LOCAL_NAMES } from './tls-names.js';

export type { TlsEndpoint } from './tls-endpoint.js';

export interface TlsOptions {
  /** Folder for the CA, the certificate and the preload modules. */
  dir: string;
  /** HTTPS port; 0 picks a free one. */
  port: number;
  /** Tried when `port` is refused (e.g. 443 without the right to bind it). */
  fallbackPort?: number;
  /** Address to bind; default the HTTP server's. */
  host?: string;
  /** More names for the certificate (e.g. the name of a CI service container). */
  extraNames?: string[];
}

/**
 * Serves the emulator's app over HTTPS with a certificate for Safaricom's host names, and makes the plain
 * HTTP server an HTTPS proxy for those names (CONNECT, or TLS spoken straight to it), so unmodified clients
 * reach the emulator by any of: trusting the CA plus a hosts-file line, the preload module, or HTTPS_PROXY.
 */
export async function serveTls(
  emulator: Emulator,
  http: Listening,
  options: TlsOptions,
): Promise<TlsEndpoint> {
  const dir = path.resolve(options.dir);
  const material = ensureCertificates(dir, [
    ...DARAJA_HOST_NAMES,
    ...LOCAL_NAMES,
    ...(options.extraNames ?? []),
  ]);
  const limits = emulator.connectionLimits;
  const server = createServer(
    { key: material.key, cert: material.cert, ...serverOptions(limits) },
    emulator.app,
  );
  applyConnectionLimits(server, limits);
  const httpAddress = http.server.address() as AddressInfo;
  const host = options.host ?? httpAddress.address;
  let fellBack = false;
  try {
    await listen(server, options.port, host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (options.fallbackPort === undefined || (code !== 'EACCES' && code !== 'EADDRINUSE')) throw error;
    await listen(server, options.fallbackPort, host);
    fellBack = true;
  }
  const port = (server.address() as AddressInfo).port;
  const tunnel = connectTunnel({ names: DARAJA_HOST_NAMES, https: server, http: http.server });
  http.server.on('connect', tunnel.onConnect);
  server.on('connect', tunnel.onConnect);
  const sniffer = sniffTls(http.server, server);

  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const target = {
    names: DARAJA_HOST_NAMES,
    host: reachable,
    httpsPort: port,
    httpPort: httpAddress.port,
    caPath: material.caPath,
  };
  const preloadPath = path.join(dir, 'preload.mjs');
  const preloadCjsPath = path.join(dir, 'preload.cjs');
  writeFileSync(preloadPath, preloadSource(target, 'esm'));
  writeFileSync(preloadCjsPath, preloadSource(target, 'cjs'));

  return {
    url: `https://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`,
    port,
    dir,
    caPath: material.caPath,
    ca: material.ca,
    preloadPath,
    preloadCjsPath,
    created: material.created,
    fellBack,
    server,
    close: async () => {
      http.server.off('connect', tunnel.onConnect);
      sniffer.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      tunnel.destroyAll();
      sniffer.destroyAll();
      server.closeAllConnections();
      await closed;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => reject(error);
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
}
