import type { CallbackExchange, ConformanceResult } from 'daraja-client/emulator';
import { clip } from './app-action.js';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What a callback said, in a few words. */
export function sentSummary(c: CallbackExchange): string {
  const body = c.body as Loose | string | undefined;
  if (typeof body !== 'object' || body === null) return clip(String(body ?? ''), 60);
  const stk = body.Body?.stkCallback;
  if (stk) return `ResultCode ${stk.ResultCode} ${JSON.stringify(stk.ResultDesc)}`;
  if (body.Result)
    return `ResultCode ${JSON.stringify(body.Result.ResultCode)} ${JSON.stringify(body.Result.ResultDesc)}`;
  return `TransID ${body.TransID} BillRefNumber ${JSON.stringify(body.BillRefNumber)} MSISDN ${JSON.stringify(body.MSISDN)}`;
}

/** The app's answers to one callback, e.g. `200 {"ResultCode":0} in 12 ms`. */
export function answerSummary(c: CallbackExchange): string {
  if (c.status === 'cancelled') return 'not sent (withheld by the variant)';
  if (c.answers.length === 0) return c.status;
  return c.answers
    .map((a) =>
      a.error
        ? `no answer (${a.error}) after ${a.latencyMs} ms`
        : `${a.status} ${clip(a.body ?? '', 60)} in ${a.latencyMs} ms`,
    )
    .join('; ');
}

const MARK = { pass: 'PASS', fail: 'FAIL', error: 'ERROR' } as const;

/** The line printed as each variant finishes. */
export function progressLine(result: ConformanceResult, index: number, total: number): string {
  const first = result.reasons[0];
  return `[${index}/${total}] ${MARK[result.verdict]} ${result.variant}${result.verdict === 'pass' || !first ? '' : ` — ${clip(first, 120)}`}`;
}

/**
 * The report: a table with one row per variant, then for every variant that did not pass (or every one with
 * `verbose`), what was sent, what the app answered, what the probe said and why it failed.
 */
export function textReport(results: ConformanceResult[], verbose: boolean): string {
  const rows = results.map((r) => [
    r.variant,
    MARK[r.verdict],
    r.expect?.outcome ?? '',
    r.callbacks.map((c) => `${c.kind}:${c.status}`).join(' ') || '-',
    clip(r.reasons[0] ?? r.probe ?? '', 70),
  ]);
  const header = ['VARIANT', 'VERDICT', 'EXPECTED', 'CALLBACKS', 'NOTE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''];
  for (const r of results) {
    if (r.verdict === 'pass' && !verbose) continue;
    out.push(`${MARK[r.verdict]} ${r.variant}: ${r.expect?.summary ?? ''}`);
    if (r.trigger) out.push(`  trigger   ${r.trigger}`);
    for (const c of r.callbacks) {
      out.push(`  sent      ${c.kind} to ${c.url}: ${sentSummary(c)}`);
      out.push(`  answered  ${answerSummary(c)}`);
    }
    if (r.probe) out.push(`  ${r.probe}`);
    for (const reason of r.reasons) out.push(`  reason    ${reason}`);
    out.push('');
  }
  const count = (v: ConformanceResult['verdict']) => results.filter((r) => r.verdict === v).length;
  out.push(
    `${results.length} variants: ${count('pass')} passed, ${count('fail')} failed, ${count('error')} could not run.`,
  );
  return out.join('\n');
}
