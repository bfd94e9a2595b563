import { isCap, isStoredRecord } from './snapshot.js';
import type { StoredRecord } from './store.js';
import { StoreOpenError } from './store.js';

/** One write, as one line of the append-only log. `s` is its sequence number, increasing by one per line. */
export type LogLine =
  | { s: number; op: 'put'; c: string; v: StoredRecord }
  /**
   * A record put again, as the fields that changed since it was last put: replay lays them over the record
   * (see record-patch.ts). Fields added since come after the others, as they do in the record itself.
   */
  | { s: number; op: 'patch'; c: string; id: string; v: Record<string, unknown> }
  | { s: number; op: 'delete'; c: string; id: string }
  | { s: number; op: 'clear' }
  /** A collection's cap changed (`null`: no cap); records written after it are capped by it. */
  | { s: number; op: 'cap'; c: string; n: number | null };

export function encodeLogLine(line: LogLine): string {
  return `${JSON.stringify(line)}\n`;
}

export interface ParsedLog {
  lines: LogLine[];
  /** Bytes after the last newline: a write cut short by a crash, never acknowledged to a caller. */
  partialTail: boolean;
}

/**
 * Parses a log file's text. Every complete line must be valid: a damaged line followed by others may hide
 * acknowledged writes behind it, so it stops the store from opening instead of being skipped.
 */
export function parseLog(text: string, file: string): ParsedLog {
  const parts = text.split('\n');
  const tail = parts.pop() ?? '';
  const lines: LogLine[] = [];
  parts.forEach((raw, index) => {
    if (raw.trim() === '') return;
    const line = decode(raw);
    if (!line) {
      throw new StoreOpenError(
        `Cannot open the store: line ${index + 1} of the log ${file} is damaged. ` +
          'Writes after it cannot be trusted, so the emulator has changed nothing. ' +
          `Move the log aside (for example: mv "${file}" "${file}.broken") to start from the last snapshot, ` +
          'or repair that line by hand.',
      );
    }
    lines.push(line);
  });
  return { lines, partialTail: tail !== '' };
}

function decode(raw: string): LogLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.s !== 'number' || !Number.isSafeInteger(v.s)) return undefined;
  if (v.op === 'clear') return { s: v.s, op: 'clear' };
  if (typeof v.c !== 'string') return undefined;
  if (v.op === 'put' && isStoredRecord(v.v)) return { s: v.s, op: 'put', c: v.c, v: v.v };
  if (v.op === 'delete' && typeof v.id === 'string') return { s: v.s, op: 'delete', c: v.c, id: v.id };
  if (v.op === 'patch' && typeof v.id === 'string' && isFields(v.v)) {
    return { s: v.s, op: 'patch', c: v.c, id: v.id, v: v.v };
  }
  if (v.op === 'cap' && (v.n === null || isCap(v.n))) return { s: v.s, op: 'cap', c: v.c, n: v.n };
  return undefined;
}

const isFields = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !('id' in value);
