import type { Server as HttpServer, ServerOptions } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';

/** How long a client may take to send a request, and how many connections the emulator holds at once. */
export interface ConnectionLimits {
  /** A request's headers must arrive within this (default 10 s). */
  headersTimeoutMs: number;
  /** The whole request, body included, within this (default 30 s). Answers may take longer (hang faults). */
  requestTimeoutMs: number;
  /** Connections held at once, idle ones included; more are closed as they arrive (default 1,024). */
  maxConnections: number;
  /**
   * On close, how long requests in flight may take to finish before their connections are cut (default 2 s),
   * so a client that holds a request open (a hang fault, a stalled upload) cannot keep the emulator from stopping.
   */
  closeGraceMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxConnections: 1_024,
  closeGraceMs: 2_000,
};

/** Options for createServer: how often node looks for requests past their deadline. */
export function serverOptions(limits: ConnectionLimits): ServerOptions {
  return { connectionsCheckingInterval: Math.max(50, Math.min(1_000, limits.headersTimeoutMs / 2)) };
}

/**
 * Puts the limits on a server: a client that trickles its headers or body, or opens connections and
 * sends nothing, costs one bounded socket for a bounded time, and never takes the emulator's descriptors.
 */
export function applyConnectionLimits(server: HttpServer | HttpsServer, limits: ConnectionLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs);
  server.keepAliveTimeout = 5_000;
  server.maxConnections = limits.maxConnections;
}

/**
 * A socket node's HTTP server handed over (an upgrade or a CONNECT) has no error listener any more: a peer
 * that resets it would otherwise crash the process. Errors end the socket quietly.
 */
export function guardSocket(socket: Duplex): void {
  socket.on('error', () => socket.destroy());
}
