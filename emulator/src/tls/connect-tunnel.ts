import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { guardSocket } from '../http/connection-limits.js';

/** Hosts a CONNECT may name: Safaricom's, plus the emulator's own addresses. */
export interface TunnelTargets {
  names: readonly string[];
  /** Receives tunnels to port 443: it terminates TLS with the local certificate. */
  https: Server;
  /** Receives tunnels to any other port as plain HTTP. */
  http: Server;
}

export interface ConnectTunnel {
  /** The servers' `connect` listener. */
  onConnect: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Ends every open tunnel: the servers stop tracking a socket once it leaves HTTP for CONNECT. */
  destroyAll: () => void;
}

/**
 * Answers `CONNECT sandbox.safaricom.co.ke:443` like an HTTPS proxy would, but instead of dialling out it
 * terminates TLS itself (with the local CA's certificate) and hands the decrypted stream to the emulator's
 * own app, so clients that honour HTTPS_PROXY reach the emulator with no code change. Any other host is
 * refused: the emulator never forwards traffic to the internet.
 */
export function connectTunnel(targets: TunnelTargets): ConnectTunnel {
  const allowed = new Set([...targets.names, 'localhost', '127.0.0.1', '[::1]'].map((n) => n.toLowerCase()));
  const open = new Set<Duplex>();
  const onConnect = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Refused or tunnelled, the client may reset the socket at any moment.
    guardSocket(socket);
    const target = parseAuthority(req.url ?? '');
    if (!target || !allowed.has(target.host)) {
      socket.end(
        'HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n' +
          `daraja-emulator tunnels only to ${[...allowed].join(', ')}; it does not forward other traffic. Add this host to NO_PROXY.\n`,
      );
      return;
    }
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n', () => {
      if (head.length > 0) socket.unshift(head);
      (target.port === 443 ? targets.https : targets.http).emit('connection', socket);
    });
  };
  return {
    onConnect,
    destroyAll: () => {
      for (const socket of open) socket.destroy();
    },
  };
}

function parseAuthority(authority: string): { host: string; port: number } | undefined {
  const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(authority);
  if (!match) return undefined;
  return { host: (match[1] as string).toLowerCase(), port: Number(match[2]) };
}
