import { readFileSync } from 'node:fs';
import os from 'node:os';

/** How busy the machine was over a stretch of the run, and how much of that was the bench's own doing. */
export interface LoadSample {
  /** 1-minute load average when the stretch ended. */
  loadAverage: number;
  /** Share of all cores' time spent busy (0..1), from /proc/stat; undefined where there is none. */
  busy: number | undefined;
  /** Of that, the share spent by other processes than the bench and its servers (0..1). */
  others: number | undefined;
}

interface Counters {
  busy: number;
  total: number;
  ours: number;
}

function readCounters(pids: number[]): Counters | undefined {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
    const total = cpu.reduce((a, b) => a + b, 0);
    let ours = 0;
    for (const pid of pids) {
      try {
        // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ours += Number(fields[11]) + Number(fields[12]);
      } catch {
        // The process has ended.
      }
    }
    return { busy: total - idle, total, ours };
  } catch {
    return undefined;
  }
}

/**
 * Measures a stretch: `start()` then `stop()`. `pids` names the bench's servers (this process is added);
 * processes that start and end inside the stretch count as others, so `others` is an upper bound.
 */
export class LoadMeter {
  #start: Counters | undefined;
  #pidTicks = new Map<number, number>();

  constructor(private readonly pids: () => number[]) {}

  start(): void {
    const pids = [process.pid, ...this.pids()];
    this.#start = readCounters([]);
    this.#pidTicks = new Map(pids.map((pid) => [pid, readCounters([pid])?.ours ?? 0]));
  }

  stop(): LoadSample {
    const loadAverage = os.loadavg()[0] ?? Number.NaN;
    const end = readCounters([]);
    if (!this.#start || !end) return { loadAverage, busy: undefined, others: undefined };
    let ours = 0;
    for (const [pid, before] of this.#pidTicks) ours += (readCounters([pid])?.ours ?? before) - before;
    const total = end.total - this.#start.total;
    const busy = end.busy - this.#start.busy;
    if (total <= 0) return { loadAverage, busy: undefined, others: undefined };
    // /proc/stat counts every core; per-process ticks are in the same unit (USER_HZ).
    return { loadAverage, busy: busy / total, others: Math.max(0, busy - ours) / total };
  }
}
