import type { EmulatorOptions } from '../emulator.js';
import { loadPact } from './load-pact.js';
import { readPactFiles, type PactFile } from './pact-files.js';
import { ProviderSession } from './provider-session.js';
import { resolveState, stateHandlers } from './state-handlers.js';
import { callbackMessageProviders, isCallbackMessage } from './callback-messages.js';
import { readVerifierReport, type InteractionOutcome, type VerifierReport } from './verifier-report.js';
import { unparsedBodyFilter } from './unparsed-body-filter.js';
import { explainFailures, type FailureExplanation } from './failure-explanations.js';

export interface VerifyPactsOptions {
  /** Pact files, or folders of them. */
  pactPaths: readonly string[];
  /** Port the emulator listens on while verifying; 0 (default) picks a free one. */
  port?: number;
  host?: string;
  /** The world, settings and fault rules every interaction starts from (as `--config` gives them). */
  emulator?: EmulatorOptions;
  /** Pact's own log level; `error` by default, so only the verification report is printed. */
  logLevel?: 'error' | 'warn' | 'info' | 'debug' | 'trace';
}

export interface VerifyPactsResult {
  ok: boolean;
  files: PactFile[];
  /** Per interaction, when verification ran. */
  interactions: InteractionOutcome[];
  /** Why verification failed or could not run, in plain words. */
  problems: string[];
  /** For each failed HTTP interaction: the emulator's answer and the journal's explanation of it. */
  failures: FailureExplanation[];
}

/**
 * Verifies pact files against a fresh in-process emulator. States are checked before anything runs, so
 * a pact naming a state the emulator does not understand fails with the list of states it does.
 */
export async function verifyPacts(options: VerifyPactsOptions): Promise<VerifyPactsResult> {
  const files = readPactFiles(options.pactPaths);
  const problems = checkPacts(files);
  if (problems.length > 0) return { ok: false, files, interactions: [], problems, failures: [] };

  const { Verifier } = await loadPact();
  const session = new ProviderSession(options.emulator);
  const stateErrors: string[] = [];
  const descriptions = new Set(
    files.flatMap((f) => f.interactions.flatMap((i) => i.states.map((s) => s.name))),
  );
  const hasMessages = files.some((f) => f.interactions.some((i) => i.kind === 'message'));
  let report: VerifierReport;
  try {
    const url = await session.listen(options.port ?? 0, options.host ?? '127.0.0.1');
    const verifier = new Verifier({
      providerBaseUrl: url,
      pactUrls: files.map((f) => f.path),
      stateHandlers: stateHandlers(descriptions, session, (message) => stateErrors.push(message)),
      beforeEach: () => session.fresh(),
      requestFilter: unparsedBodyFilter,
      ...(hasMessages ? { messageProviders: callbackMessageProviders(options.emulator) } : {}),
      logLevel: options.logLevel ?? 'error',
    });
    let raw: unknown;
    try {
      raw = await verifier.verifyProvider();
    } catch (error) {
      raw = (error as Error).message;
    }
    report = readVerifierReport(raw);
  } finally {
    // Closing keeps the journal of the last interaction's emulator too.
    await session.close();
  }
  const failed = report.interactions.filter((i) => !i.ok).map((i) => i.description);
  return {
    ok: report.ok && stateErrors.length === 0,
    files,
    interactions: report.interactions,
    problems: [...stateErrors, ...report.problems],
    failures: explainFailures(failed, files, session.journals),
  };
}

/** States and messages the emulator cannot provide, named with their pact and interaction. */
export function checkPacts(files: readonly PactFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    for (const interaction of file.interactions) {
      const where = `${file.path}, interaction "${interaction.description}"`;
      for (const state of interaction.states) {
        if (!resolveState(state.name, state.params))
          problems.push(`${where}: unknown provider state "${state.name}"`);
      }
      if (interaction.kind === 'message' && !isCallbackMessage(interaction.description)) {
        problems.push(`${where}: no callback message has this description`);
      }
    }
  }
  return problems;
}
