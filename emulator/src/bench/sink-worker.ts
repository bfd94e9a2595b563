/**
 * Runs a callback sink on its own event loop, so that receiving callbacks does not slow the load generator
 * (nor the other way round). The parent asks for figures with messages; see SinkThread.
 */
import { parentPort } from 'node:worker_threads';
import { startSink } from './callback-sink.js';

export type SinkRequest = { type: 'stats' } | { type: 'close' };
export interface SinkStats {
  type: 'stats';
  received: number;
  inFlight: number;
  peakInFlight: number;
}

const port = parentPort;
if (port) {
  const sink = await startSink(undefined, false);
  port.postMessage({ type: 'ready', url: sink.url });
  port.on('message', (message: SinkRequest) => {
    if (message.type === 'stats') {
      port.postMessage({
        type: 'stats',
        received: sink.received,
        inFlight: sink.inFlight,
        peakInFlight: sink.peakInFlight,
      } satisfies SinkStats);
    } else {
      void sink.close().then(() => port.close());
    }
  });
}
