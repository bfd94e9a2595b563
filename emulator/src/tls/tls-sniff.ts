import type { Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';

/** The first byte of every TLS record that opens a handshake (a ClientHello). */
const TLS_HANDSHAKE = 0x16;

export interface TlsSniffer {
  /** Puts the HTTP server's own connection handling back. */
  stop(): void;
  /**
   * Ends every connection handed to the HTTPS server or still silent: the HTTP server does not track them,
   * yet waits for them when it closes.
   */
  destroyAll(): void;
}

/**
 * Lets the plain HTTP port speak TLS too: a connection whose first byte opens a TLS handshake is served by
 * the HTTPS server, any other by the HTTP server as before. Old proxy-aware clients (axios before 0.19)
 * open TLS straight to the proxy's port with an absolute-form request inside; this is what they need.
 */
export function sniffTls(http: HttpServer, https: HttpsServer): TlsSniffer {
  const own = http.listeners('connection') as ((socket: Socket) => void)[];
  /** Connections handed to the HTTPS server, and ones that have not sent their first byte yet. */
  const open = new Set<Duplex>();
  const onConnection = (socket: Socket): void => {
    const idle = () => socket.destroy();
    const failed = () => socket.destroy();
    socket.setTimeout(http.headersTimeout, idle);
    socket.on('error', failed);
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    socket.once('data', (chunk: Buffer) => {
      open.delete(socket);
      socket.pause();
      socket.unshift(chunk);
      socket.setTimeout(0, idle);
      socket.off('timeout', idle);
      socket.off('error', failed);
      if (chunk[0] !== TLS_HANDSHAKE) {
        for (const listener of own) listener.call(http, socket);
        // Paused above, so the byte read here would wait forever for a reader.
        socket.resume();
        return;
      }
      // The TLS layer reads a net.Socket's handle directly, past the byte read here; a stream over the
      // socket gives it everything, that byte included.
      const stream = socketStream(socket);
      open.add(stream);
      stream.on('close', () => open.delete(stream));
      https.emit('connection', stream);
    });
  };
  for (const listener of own) http.off('connection', listener);
  http.on('connection', onConnection);
  return {
    stop: () => {
      http.off('connection', onConnection);
      for (const listener of own) http.on('connection', listener);
    },
    destroyAll: () => {
      for (const stream of open) stream.destroy();
    },
  };
}

/** A duplex stream over a socket, for consumers that would otherwise bypass its buffered data. */
function socketStream(socket: Socket): Duplex {
  const stream = new Duplex({
    read: () => socket.resume(),
    write: (chunk: Buffer, _encoding, done) => socket.write(chunk, done),
    final: (done) => socket.end(done),
    destroy: (error, done) => {
      socket.destroy();
      done(error);
    },
  });
  socket.on('data', (chunk: Buffer) => {
    if (!stream.push(chunk)) socket.pause();
  });
  socket.on('end', () => stream.push(null));
  socket.on('error', (error) => stream.destroy(error));
  socket.on('close', () => stream.destroy());
  return stream;
}
