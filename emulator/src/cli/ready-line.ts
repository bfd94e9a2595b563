import type { RunningServer } from './start-server.js';

/**
 * The line a person (or a script) waits for. With an admin token the phone UI needs the token in its address,
 * so the line gives that address whole: the token is the user's own, and the UI cannot work without it.
 */
export function readyLine(
  server: Pick<RunningServer, 'listening' | 'tls'>,
  adminToken: string | undefined,
): string {
  const { url } = server.listening;
  const ui = adminToken ? `${url}/?token=${encodeURIComponent(adminToken)}` : '/';
  return `daraja-emulator ready on ${url} (phone UI at ${ui}, control API at /_emulator/)`;
}

/** The same as JSON, for `--ready-json`. */
export function readyJson(
  server: Pick<RunningServer, 'listening' | 'tls'>,
  adminToken: string | undefined,
): string {
  const { listening, tls } = server;
  return JSON.stringify({
    event: 'ready',
    url: listening.url,
    port: listening.port,
    pid: process.pid,
    ...(adminToken ? { uiUrl: `${listening.url}/?token=${encodeURIComponent(adminToken)}` } : {}),
    ...(tls
      ? { tls: { url: tls.url, port: tls.port, caPath: tls.caPath, preloadPath: tls.preloadPath } }
      : {}),
  });
}
