import http from 'node:http';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Milliseconds from sending to the last byte of the answer. */
  ms: number;
}

export interface Call {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * A keep-alive HTTP/1.1 client for load and fuzz runs: a fixed pool of sockets, so that throughput is
 * not spent opening connections and the number of connections is the one the run asks for.
 */
export class KeepAliveClient {
  readonly #agent: http.Agent;
  readonly #base: URL;

  constructor(baseUrl: string, connections = 50) {
    this.#base = new URL(baseUrl);
    this.#agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }

  send(call: Call): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const started = process.hrtime.bigint();
      const headers: Record<string, string | number> = { ...(call.headers ?? {}) };
      if (call.body !== undefined && headers['Content-Length'] === undefined) {
        headers['Content-Length'] = Buffer.byteLength(call.body);
      }
      const req = http.request(
        {
          host: this.#base.hostname,
          port: this.#base.port,
          method: call.method,
          path: call.path,
          headers,
          agent: this.#agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: Number(process.hrtime.bigint() - started) / 1e6,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(call.body);
    });
  }

  /** Sends JSON and parses a JSON answer (undefined when the body is empty or not JSON). */
  async json(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const reply = await this.send({
      method,
      path,
      headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    let parsed: unknown;
    try {
      parsed = reply.body ? JSON.parse(reply.body) : undefined;
    } catch {
      parsed = undefined;
    }
    return { ...reply, json: parsed };
  }

  /** Sockets the pool holds open now (busy and idle). */
  get openSockets(): number {
    const count = (m: NodeJS.ReadOnlyDict<unknown[]>) =>
      Object.values(m).reduce((n, list) => n + (list?.length ?? 0), 0);
    return count(this.#agent.sockets) + count(this.#agent.freeSockets);
  }

  close(): void {
    this.#agent.destroy();
  }
}
