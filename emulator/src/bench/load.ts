import type { Call, KeepAliveClient, Reply } from './http-client.js';

export interface LoadResult {
  /** Latency of each answered request, in ms, in completion order. */
  latencies: number[];
  /** Answers by HTTP status; `error` counts requests that got no answer. */
  statuses: Map<number | 'error', number>;
  elapsedMs: number;
  /** Answers per second over the run. */
  rate: number;
}

export type MakeCall = (i: number) => Call;
export type OnReply = (i: number, reply: Reply) => void;

function tally(statuses: LoadResult['statuses'], key: number | 'error'): void {
  statuses.set(key, (statuses.get(key) ?? 0) + 1);
}

function finish(latencies: number[], statuses: LoadResult['statuses'], started: bigint): LoadResult {
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { latencies, statuses, elapsedMs, rate: (latencies.length * 1000) / elapsedMs };
}

/**
 * Closed loop: `connections` clients each send the next request as soon as the previous one is answered,
 * until `count` requests were sent or `durationMs` passed, whichever comes first.
 */
export async function closedLoop(
  client: KeepAliveClient,
  make: MakeCall,
  options: {
    connections: number;
    count?: number;
    durationMs?: number;
    firstIndex?: number;
    onReply?: OnReply;
  },
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: LoadResult['statuses'] = new Map();
  const started = process.hrtime.bigint();
  const deadline = options.durationMs === undefined ? Infinity : options.durationMs;
  const last = (options.firstIndex ?? 0) + (options.count ?? Infinity);
  let next = options.firstIndex ?? 0;
  const worker = async () => {
    while (next < last && Number(process.hrtime.bigint() - started) / 1e6 < deadline) {
      const i = next++;
      try {
        const reply = await client.send(make(i));
        latencies.push(reply.ms);
        tally(statuses, reply.status);
        options.onReply?.(i, reply);
      } catch {
        tally(statuses, 'error');
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  return finish(latencies, statuses, started);
}

/**
 * Open loop at a fixed rate: request i is due at start + i/rate whether or not earlier ones were answered,
 * and its latency counts from when it was due, so a stall shows in the figures instead of slowing the
 * offered load down (no coordinated omission).
 */
export async function fixedRate(
  client: KeepAliveClient,
  make: MakeCall,
  options: { rate: number; durationMs: number; firstIndex?: number; onReply?: OnReply },
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: LoadResult['statuses'] = new Map();
  const started = process.hrtime.bigint();
  const total = Math.round((options.rate * options.durationMs) / 1000);
  const first = options.firstIndex ?? 0;
  const pending: Promise<void>[] = [];
  let sent = 0;
  const nowMs = () => Number(process.hrtime.bigint() - started) / 1e6;
  while (sent < total) {
    const dueCount = Math.min(total, Math.floor((nowMs() * options.rate) / 1000) + 1);
    for (; sent < dueCount; sent++) {
      const i = first + sent;
      const dueAt = (sent * 1000) / options.rate;
      pending.push(
        client.send(make(i)).then(
          (reply) => {
            latencies.push(nowMs() - dueAt);
            tally(statuses, reply.status);
            options.onReply?.(i, reply);
          },
          () => tally(statuses, 'error'),
        ),
      );
    }
    await new Promise<void>((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
  return finish(latencies, statuses, started);
}

/** One client, one request at a time. */
export function sequential(
  client: KeepAliveClient,
  make: MakeCall,
  count: number,
  firstIndex = 0,
  onReply?: OnReply,
) {
  return closedLoop(client, make, { connections: 1, count, firstIndex, ...(onReply ? { onReply } : {}) });
}

/** Statuses as `200×998 500×2`. */
export function describeStatuses(statuses: LoadResult['statuses']): string {
  return [...statuses].map(([status, n]) => `${status}×${n}`).join(' ');
}
