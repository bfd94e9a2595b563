import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tarballsOfThisRun } from '../../scripts/pack.mjs';

const run = promisify(execFile);

export type Tarballs = Record<'daraja-client' | 'daraja-emulator', string>;

const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A folder in the system's temporary folder (outside the repository), removed when the test process ends. */
export function outsideFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `daraja-${prefix}-`));
  made.push(dir);
  return dir;
}

/**
 * daraja-client and daraja-emulator packed as `npm publish` would, in a folder outside the repository: those
 * `npm test` packed once for the whole run, or newly packed when a test file runs on its own.
 */
export function packTarballs(): Tarballs {
  return tarballsOfThisRun(outsideFolder('tarballs'));
}

/** Runs a command and resolves with its output; rejects with the output when it exits non-zero. */
export async function sh(
  file: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<{ stdout: string; stderr: string }> {
  return run(file, args, { ...options, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
}

/** A new npm project in a folder outside the repository, with the tarballs (and `extra` packages) installed. */
export async function projectWith(tarballs: Tarballs, extra: string[] = []): Promise<string> {
  const dir = outsideFolder('project');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'an-app', private: true, type: 'module' }));
  await sh(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      tarballs['daraja-client'],
      tarballs['daraja-emulator'],
      ...extra,
    ],
    { cwd: dir },
  );
  return dir;
}

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Started {
  child: ChildProcess;
  /** The first match of the awaited pattern on stdout. */
  match: RegExpExecArray;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code (or signal name). */
  stop(): Promise<number | string>;
}

/**
 * Starts a long-running command and resolves once its stdout matches `ready`; rejects with everything it
 * printed if it exits first or does not get there within `timeoutMs`.
 */
export function startUntil(
  file: string,
  args: string[],
  ready: RegExp,
  options: { cwd: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number; timeoutMs?: number },
): Promise<Started> {
  // A process group of its own, so that stopping it reaches what it started (npx runs the bin as a child).
  const child = spawn(file, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    ...(options.uid !== undefined ? { uid: options.uid } : {}),
    ...(options.gid !== undefined ? { gid: options.gid } : {}),
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // The group has already gone.
    }
  };
  const stop = async () => {
    signalGroup('SIGTERM');
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signalGroup('SIGKILL');
      reject(new Error(`not ready within ${options.timeoutMs ?? 30_000} ms:\n${out}`));
    }, options.timeoutMs ?? 30_000);
    child.stdout.on('data', () => {
      const match = ready.exec(out);
      if (!match) return;
      clearTimeout(timer);
      resolve({ child, match, output: () => out, stop });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before it was ready:\n${out}`));
    });
  });
}
