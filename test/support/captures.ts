import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file lives in test/support. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The Daraja captures the tests compare against, kept in the repository with their licence (reference/daraja). */
export const capturesDir = resolve(repoRoot, 'reference', 'daraja', 'captures');

/** Reads a capture file, e.g. `sandbox/stk-push.json` or `sandbox/callbacks/stk-success.json`. */
export function capture<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(resolve(capturesDir, relativePath), 'utf8')) as T;
}

/** A synchronous sandbox answer: the capture wraps it as `{ status, response }`. */
export function sandboxAnswer<T = unknown>(name: string): { status: number; response: T } {
  return capture<{ status: number; response: T }>(`sandbox/${name}`);
}

type Shape = string | { [key: string]: Shape } | Shape[];

/**
 * The shape of a JSON value: key order and the JSON type of every leaf. Two bodies with the same shape
 * are the same key for key and type for type.
 */
export function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value === null) return 'null';
  if (typeof value === 'object') {
    const out: Record<string, Shape> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = shapeOf(v);
    return out;
  }
  return typeof value;
}

/** Key order of an object, recursively flattened to dotted paths (for order comparisons). */
export function keyOrder(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object') return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${k}` : k;
    out.push(path, ...keyOrder(v, path));
  }
  return out;
}
