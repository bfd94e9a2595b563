import http from 'node:http';
import https from 'node:https';

export interface PostResult {
  status?: number;
  body?: string;
  error?: string;
  durationMs: number;
}

/** Sends one JSON POST; never throws. The poster is injectable so that tests can capture deliveries. */
export type HttpPoster = (url: string, body: string, timeoutMs: number) => Promise<PostResult>;

const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs with a hard deadline on the whole exchange (connect, send, read) and no connection reuse, so a target
 * that hangs, trickles or refuses costs one bounded socket and never holds up other deliveries.
 */
export const nodeHttpPoster: HttpPoster = (url, body, timeoutMs) =>
  new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const elapsed = () => Number((process.hrtime.bigint() - started) / 1_000_000n);
    let settled = false;
    const finish = (result: Omit<PostResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve({ ...result, durationMs: elapsed() });
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      finish({ error: 'invalid URL' });
      return;
    }
    const transport = target.protocol === 'https:' ? https : http;
    const req = transport.request(target, {
      method: 'POST',
      agent: false,
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        'User-Agent': 'daraja-emulator',
        Connection: 'close',
      },
    });
    const deadline = setTimeout(() => {
      req.destroy();
      finish({ error: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => finish({ error: error.code ?? error.message }));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_RESPONSE_BYTES) chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
        size += chunk.length;
      });
      res.on('end', () =>
        finish({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', (error: NodeJS.ErrnoException) =>
        finish({ status: res.statusCode ?? 0, error: error.code ?? error.message }),
      );
    });
    req.end(body);
  });
