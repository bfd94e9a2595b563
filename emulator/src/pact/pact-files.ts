import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { list, record } from './json-shape.js';

/** A provider state as a pact names it. */
export interface PactState {
  name: string;
  params: Record<string, unknown>;
}

/** One interaction (HTTP request or message) of a pact file. */
export interface PactInteraction {
  description: string;
  kind: 'http' | 'message';
  states: PactState[];
  /** The request an HTTP interaction replays. */
  request?: PactRequest;
}

export interface PactRequest {
  method: string;
  path: string;
  body?: unknown;
}

export interface PactFile {
  path: string;
  consumer: string;
  provider: string;
  interactions: PactInteraction[];
}

/** A pact path that does not exist, holds no pact files, or is not a pact. */
export class PactFileError extends Error {
  override readonly name = 'PactFileError';
}

/** Expands files and folders (their *.json files, not recursively) into pact files, read and checked. */
export function readPactFiles(paths: readonly string[]): PactFile[] {
  const files: string[] = [];
  for (const given of paths) {
    const path = resolve(given);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new PactFileError(`${given} does not exist.`);
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    const found = readdirSync(path)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(path, name));
    if (found.length === 0) throw new PactFileError(`${given} holds no .json pact files.`);
    files.push(...found);
  }
  if (files.length === 0) throw new PactFileError('No pact files given.');
  return files.map(readPactFile);
}

function readPactFile(path: string): PactFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PactFileError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const pact = record(json);
  const consumer = record(pact.consumer).name;
  const provider = record(pact.provider).name;
  const interactions = [
    ...list(pact.interactions).map((i) => interaction(record(i), 'http')),
    ...list(pact.messages).map((m) => interaction(record(m), 'message')),
  ];
  if (typeof consumer !== 'string' || typeof provider !== 'string' || interactions.length === 0) {
    throw new PactFileError(
      `${path} is not a pact file: it needs consumer.name, provider.name and at least one interaction.`,
    );
  }
  return { path, consumer, provider, interactions };
}

function interaction(raw: Record<string, unknown>, kind: 'http' | 'message'): PactInteraction {
  // Pact v4 marks message interactions with a type; v2 has one `providerState` string.
  const type = raw.type;
  const actualKind = typeof type === 'string' && /message/i.test(type) ? 'message' : kind;
  const states: PactState[] = list(raw.providerStates).map((s) => {
    const state = record(s);
    return { name: String(state.name ?? ''), params: record(state.params) };
  });
  if (typeof raw.providerState === 'string') states.push({ name: raw.providerState, params: {} });
  const request = record(raw.request);
  const replayed =
    actualKind === 'http' && typeof request.path === 'string'
      ? {
          request: {
            method: String(request.method ?? 'GET').toUpperCase(),
            path: request.path,
            ...('body' in request ? { body: request.body } : {}),
          },
        }
      : {};
  return { description: String(raw.description ?? ''), kind: actualKind, states, ...replayed };
}
