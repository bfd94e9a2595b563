import type { ExpectedOutcome, VariantValues } from 'daraja-client/emulator';
import type { ProbeOutcome } from '../judge.js';
import { clip, runAction, substitute, type AppAction } from './app-action.js';

/** `--expect success:status=paid`: after a variant whose correct outcome is `success`, `status` is `paid`. */
export interface Expectation {
  outcome: ExpectedOutcome;
  path: string;
  /** May use `{Name}` values, e.g. `failure:failure.code={ExpectedResultCode}`. */
  value: string;
}

const OUTCOMES: readonly ExpectedOutcome[] = ['success', 'failure', 'pending'];

export function parseExpectation(text: string): Expectation {
  const m = text.match(/^(\w+):([^=]+)=(.*)$/);
  if (!m || !OUTCOMES.includes(m[1] as ExpectedOutcome)) {
    throw new Error(
      `--expect ${JSON.stringify(text)}: write <outcome>:<json path>=<value>, outcome one of ${OUTCOMES.join(', ')} (e.g. success:status=paid).`,
    );
  }
  return { outcome: m[1] as ExpectedOutcome, path: (m[2] ?? '').trim(), value: m[3] ?? '' };
}

/** Reads `a.b[0].c` (a leading `$.` is allowed) from parsed JSON. */
export function readPath(json: unknown, path: string): unknown {
  const steps = path.replace(/^\$\.?/, '').match(/[^.[\]]+/g) ?? [];
  let at: unknown = json;
  for (const step of steps) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[step];
  }
  return at;
}

/**
 * Asks the app about its record of the run and compares it with what a correct app holds after the
 * variant. A command without expectations passes by exiting 0 (it is given DARAJA_EXPECTED_OUTCOME).
 */
export async function probeApp(
  action: AppAction,
  values: VariantValues,
  expectations: Expectation[],
  timeoutMs: number,
): Promise<ProbeOutcome> {
  const outcome = values.ExpectedOutcome as ExpectedOutcome;
  const answer = await runAction(action, values, timeoutMs);
  const relevant = expectations.filter((e) => e.outcome === outcome);
  if (relevant.length === 0) {
    if (action.kind === 'command') return { ok: answer.ok, line: `probe ${answer.line}` };
    return { ok: true, line: `probe ${answer.line} (no --expect for outcome "${outcome}", not checked)` };
  }
  if (action.kind === 'http' && !answer.ok) return { ok: false, line: `probe ${answer.line}` };
  let json: unknown;
  try {
    json = JSON.parse(answer.output);
  } catch {
    return {
      ok: false,
      line: `probe answered something that is not JSON: ${clip(answer.output) || '(empty)'}`,
    };
  }
  const wrong: string[] = [];
  const seen: string[] = [];
  for (const e of relevant) {
    const actual = readPath(json, e.path);
    const wanted = substitute(e.value, values);
    const shown = actual === undefined ? 'missing' : JSON.stringify(actual);
    seen.push(`${e.path}=${shown}`);
    if (actual === undefined || String(actual) !== wanted)
      wrong.push(`${e.path} is ${shown}, expected "${wanted}"`);
  }
  return wrong.length
    ? { ok: false, line: `probe: ${wrong.join('; ')}` }
    : { ok: true, line: `probe: ${seen.join(', ')}` };
}
