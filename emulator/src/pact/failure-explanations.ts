import type { JournalEntry } from 'daraja-client/emulator';
import { maskSecrets } from '../journal/mask.js';
import { endpointKey } from '../http/endpoint-key.js';
import { record } from './json-shape.js';
import type { PactFile, PactRequest } from './pact-files.js';

/** What the emulator made of a failed interaction's request, read from the journal of its run. */
export interface FailureExplanation {
  description: string;
  /** Undefined when no run of the emulator received the request (the verifier never sent it). */
  status?: number;
  errorCode?: string;
  errorMessage?: string;
  /** The journal's plain-English reasons and notes. */
  explanation: string[];
}

/**
 * Finds, for each failed HTTP interaction, the emulator run that answered its request: runs are kept in the
 * order they ran, and the replayed request is the last journal entry of its run with the same method and
 * path (states may make requests of their own first). A run whose masked body equals the pact's is taken
 * before others, and each run explains one interaction at most.
 */
export function explainFailures(
  failed: readonly string[],
  files: readonly PactFile[],
  journals: readonly JournalEntry[][],
): FailureExplanation[] {
  const used = new Set<number>();
  const out: FailureExplanation[] = [];
  for (const description of failed) {
    const interaction = files
      .flatMap((f) => f.interactions)
      .find((i) => i.description === description && i.request);
    if (!interaction?.request) continue;
    const found = answerTo(interaction.request, journals, used);
    out.push(found ? fromEntry(description, found) : { description, explanation: [] });
  }
  return out;
}

function answerTo(
  request: PactRequest,
  journals: readonly JournalEntry[][],
  used: Set<number>,
): JournalEntry | undefined {
  const key = endpointKey(request.path);
  const body = JSON.stringify(maskSecrets(request.body ?? ''));
  let fallback: { index: number; entry: JournalEntry } | undefined;
  for (const [index, run] of journals.entries()) {
    if (used.has(index)) continue;
    const entry = run.findLast((e) => e.method === request.method && endpointKey(e.path) === key);
    if (!entry) continue;
    if (JSON.stringify(entry.requestBody) === body) {
      used.add(index);
      return entry;
    }
    fallback ??= { index, entry };
  }
  if (fallback) used.add(fallback.index);
  return fallback?.entry;
}

function fromEntry(description: string, entry: JournalEntry): FailureExplanation {
  const body = record(entry.responseBody);
  return {
    description,
    status: entry.status,
    ...(typeof body.errorCode === 'string' ? { errorCode: body.errorCode } : {}),
    ...(typeof body.errorMessage === 'string' ? { errorMessage: body.errorMessage } : {}),
    explanation: entry.explanation,
  };
}

/** The lines printed under a failed verification, one block per failed interaction. */
export function explanationLines(failures: readonly FailureExplanation[]): string[] {
  return failures.flatMap((f) => {
    if (f.status === undefined)
      return [`Why "${f.description}" failed: the emulator has no record of its request.`];
    const error =
      f.errorCode !== undefined || f.errorMessage !== undefined
        ? ` with errorCode ${f.errorCode ?? '(none)'}, errorMessage "${f.errorMessage ?? ''}"`
        : ' without an error envelope';
    const why =
      f.explanation.length > 0
        ? f.explanation.map((line) => `    journal: ${line}`)
        : ['    journal: no explanation was recorded for this request.'];
    return [`Why "${f.description}" failed: the emulator answered HTTP ${f.status}${error}.`, ...why];
  });
}
