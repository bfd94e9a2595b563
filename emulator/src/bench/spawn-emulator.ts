import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The compiled emulator entry point, emulator/dist/main.js (from src/bench in tests and from dist/bench alike). */
export const MAIN_JS = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface Spawned {
  child: ChildProcess;
  url: string;
  port: number;
  /** Milliseconds from spawn to the ready line. */
  readyMs: number;
  /** Everything printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
  /** With `ipc`: the first message the process sent (listened for from the start, so none is missed). */
  firstMessage: Promise<unknown>;
  /** Sends a signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

export class SpawnError extends Error {
  constructor(
    message: string,
    readonly exit: number | string,
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super(message);
  }
}

export interface SpawnOptions {
  /**
   * How long to wait for the ready line before giving up (default 30 s): a guard against a start that hangs,
   * not a measure of speed, so it leaves room for a loaded machine (TLS mode makes two RSA keys at start).
   */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Open an IPC channel too (the emulator then also sends its ready message with process.send). */
  ipc?: boolean;
  /** Flags for node itself, e.g. `--cpu-prof` to profile the emulator. */
  nodeArgs?: string[];
}

/**
 * Starts `node emulator/dist/main.js --ready-json` with `args` and resolves at its ready line; rejects with
 * the exit code and output if it stops first (a refused data file, say).
 */
export function spawnEmulator(args: string[], options: SpawnOptions = {}): Promise<Spawned> {
  return spawnReady(MAIN_JS, ['--ready-json', ...args], options);
}

/** Children still running: killed when this process exits, so a test run that is stopped leaves no servers. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts a Node script that prints `{"event":"ready","url":…,"port":…}` on stdout once it listens. */
export function spawnReady(script: string, args: string[], options: SpawnOptions = {}): Promise<Spawned> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...args], {
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    env: options.env ?? process.env,
  });
  let out = '';
  let err = '';
  const stdout = child.stdout as NonNullable<typeof child.stdout>;
  const stderr = child.stderr as NonNullable<typeof child.stderr>;
  stdout.setEncoding('utf8');
  stderr.setEncoding('utf8');
  stderr.on('data', (chunk: string) => (err += chunk));
  running.add(child);
  const firstMessage = new Promise<unknown>((resolve) => child.once('message', resolve));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal ?? 'unknown');
    }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new SpawnError(`no ready line within ${options.timeoutMs ?? 30_000} ms`, 'timeout', out, err));
    }, options.timeoutMs ?? 30_000);
    let ready = false;
    stdout.on('data', (chunk: string) => {
      out += chunk;
      if (ready) return;
      const line = out.split('\n').find((l) => l.startsWith('{"event":"ready"'));
      if (!line) return;
      ready = true;
      clearTimeout(timer);
      const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
      const { url, port } = JSON.parse(line) as { url: string; port: number };
      resolve({
        child,
        url,
        port,
        readyMs,
        stdout: () => out,
        stderr: () => err,
        exited,
        firstMessage,
        stop: async (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    });
    void exited.then((code) => {
      if (ready) return;
      clearTimeout(timer);
      reject(
        new SpawnError(`the emulator exited (${code}) before it was ready: ${err.trim()}`, code, out, err),
      );
    });
  });
}

/** Resident memory of a process in MB (Linux /proc; undefined elsewhere). */
export function residentMb(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** Open file descriptors of a process (Linux /proc; undefined elsewhere). */
export function openFileCount(pid: number): number | undefined {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return undefined;
  }
}
