import type { ConformanceResult } from 'daraja-client/emulator';
import type { VariantRun } from './play-variant.js';

/** What the probe of the app's state said. */
export interface ProbeOutcome {
  ok: boolean;
  /** In a line: what was asked, what came back, and how it differs from what was expected. */
  line: string;
}

/**
 * The verdict on one run: `error` when the run could not be completed, `fail` when the app answered a
 * callback wrongly or its state is not what a correct app reaches, else `pass`. Without a probe only the
 * app's answers are judged, and the reasons say what to check by hand.
 */
export function judge(run: VariantRun, runId: string, at: number, probe?: ProbeOutcome): ConformanceResult {
  const base = {
    runId,
    variant: run.variant.name,
    family: run.variant.family,
    expect: run.variant.expect,
    values: run.values,
    ...(run.transactionId ? { transactionId: run.transactionId } : {}),
    ...(run.trigger ? { trigger: run.trigger } : {}),
    callbacks: run.callbacks,
    ...(probe ? { probe: probe.line } : {}),
    at,
  };
  if (run.error) return { ...base, verdict: 'error', reasons: [run.error] };
  const reasons = [...run.problems, ...(probe && !probe.ok ? [probe.line] : [])];
  if (reasons.length > 0) return { ...base, verdict: 'fail', reasons };
  return {
    ...base,
    verdict: 'pass',
    reasons: probe ? [] : [`No probe; check by hand. A correct app: ${run.variant.expect.summary}`],
  };
}
