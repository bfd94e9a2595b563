import { Worker } from 'node:worker_threads';
import type { SinkRequest, SinkStats } from './sink-worker.js';

/** A callback sink in a worker thread (sink-worker.ts), seen from the thread that started it. */
export class SinkThread {
  private constructor(
    readonly url: string,
    private readonly worker: Worker,
  ) {}

  static async start(): Promise<SinkThread> {
    const worker = new Worker(new URL('./sink-worker.js', import.meta.url));
    const url = await new Promise<string>((resolve, reject) => {
      worker.once('message', (m: { url: string }) => resolve(m.url));
      worker.once('error', reject);
    });
    return new SinkThread(url, worker);
  }

  stats(): Promise<SinkStats> {
    return new Promise((resolve) => {
      this.worker.once('message', (m: SinkStats) => resolve(m));
      this.worker.postMessage({ type: 'stats' } satisfies SinkRequest);
    });
  }

  /** Polls until `count` callbacks arrived; resolves with the time that took, or rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs: number): Promise<number> {
    const started = process.hrtime.bigint();
    for (;;) {
      const { received } = await this.stats();
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (received >= count) return ms;
      if (ms > timeoutMs)
        throw new Error(`the sink received ${received} of ${count} callbacks in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async close(): Promise<void> {
    this.worker.postMessage({ type: 'close' } satisfies SinkRequest);
    await new Promise((resolve) => this.worker.once('exit', resolve));
  }
}
