import { list, record } from './json-shape.js';

/** The outcome of one interaction, as the verifier reported it. */
export interface InteractionOutcome {
  description: string;
  ok: boolean;
}

export interface VerifierReport {
  ok: boolean;
  interactions: InteractionOutcome[];
  /** One line per mismatch: `<interaction>: <path> <what differs>`. */
  problems: string[];
}

/**
 * Reads the JSON the Pact core returns (on success) or puts in its error message (on failure). Anything
 * else means the verifier itself failed; its text becomes the problem.
 */
export function readVerifierReport(raw: unknown): VerifierReport {
  let json: unknown;
  try {
    json = typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    return { ok: false, interactions: [], problems: [`The Pact verifier failed: ${String(raw)}`] };
  }
  const report = record(json);
  if (typeof report.result !== 'boolean') {
    return { ok: false, interactions: [], problems: [`The Pact verifier failed: ${String(raw)}`] };
  }
  const interactions = list(report.interactionResults).map((r) => {
    const result = record(r);
    return { description: String(result.description ?? ''), ok: result.result === 'OK' };
  });
  const problems = list(report.errors).flatMap((e) => {
    const error = record(e);
    const name = String(error.interaction ?? 'interaction');
    const mismatch = record(error.mismatch);
    const details = list(mismatch.mismatches).map((m) => {
      const item = record(m);
      const path = typeof item.path === 'string' && item.path !== '' ? `${item.path} ` : '';
      return `${path}${String(item.mismatch ?? item.type ?? 'mismatch')}`;
    });
    if (details.length === 0) details.push(String(mismatch.message ?? error.message ?? 'failed'));
    return details.map((detail) => `${name}: ${detail}`);
  });
  return { ok: report.result, interactions, problems };
}
