import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in client/src/test-support). */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The Daraja captures, kept in the repository with their licence (reference/daraja). */
export const capturesDir = path.resolve(repoRoot, 'reference', 'daraja', 'captures');

/** Reads and parses one capture file, e.g. `sandbox/callbacks/stk-success.json`. */
export function readCapture(relativePath: string): unknown {
  return JSON.parse(readFileSync(path.join(capturesDir, relativePath), 'utf8')) as unknown;
}

/** Reads a synchronous-answer capture, stored upstream as `{ status, response }`. */
export function readAnswerCapture(relativePath: string): { status: number; response: unknown } {
  return readCapture(relativePath) as { status: number; response: unknown };
}
