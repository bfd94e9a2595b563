import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { FileStore } from '../../emulator/src/store/file-store.js';

// Kills a real process that is writing to a FileStore with SIGKILL, and checks that every write it
// acknowledged is there when the store is opened again. The child runs the compiled store, so this needs
// `tsc -b` first (the root `npm test` does that).

const writer = fileURLToPath(new URL('./store-writer.mjs', import.meta.url));
const built = fileURLToPath(new URL('../../emulator/dist/store/open-store.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'daraja-store-kill-'));
const path = join(dir, 'data.json');
const quiet = { onWarning: () => undefined };

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  acknowledged: number[];
  stderr: string;
}

/** Starts the writer, kills it with SIGKILL `afterMs` after it is ready, and returns what it printed. */
function writeAndKill(run: number, afterMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, path, String(run)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (!killed && stdout === '' && chunk.startsWith('ready\n')) {
        setTimeout(() => {
          killed = child.kill('SIGKILL');
        }, afterMs);
      }
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer stopped by itself: ${stderr}`));
      // The last line may be cut off by the kill: only whole lines count as acknowledged.
      const lines = stdout.split('\n').slice(1, -1);
      resolve({ acknowledged: lines.map(Number), stderr });
    });
  });
}

test('every write acknowledged before a kill -9 is there when the store is opened again', async () => {
  expect(existsSync(built), `${built} is missing: run "npx tsc -b" first`).toBe(true);
  let total = 0;
  for (let run = 0; run < 5; run++) {
    const { acknowledged, stderr } = await writeAndKill(run, 50 + Math.floor(Math.random() * 250));
    expect(stderr).toBe('');
    expect(acknowledged.length).toBeGreaterThan(0);
    total += acknowledged.length;

    if (existsSync(path)) expect(() => JSON.parse(readFileSync(path, 'utf8')) as unknown).not.toThrow();
    const store = await FileStore.open({ path, ...quiet });
    const acks = store.collection<{ id: string; n: number }>('acks');
    const missing = acknowledged.filter((n) => acks.get(`${run}-${n}`)?.n !== n);
    expect(missing).toEqual([]);
    const last = store.collection<{ id: string; n: number }>('meta').get(`last-${run}`);
    expect(last?.n).toBeGreaterThanOrEqual(acknowledged.at(-1) ?? 0);
    expect(acks.size).toBeGreaterThanOrEqual(total);
    await store.close();
  }
}, 20_000);
