import type { ConformanceResult } from 'daraja-client/emulator';
import { answerSummary, sentSummary } from './report-text.js';

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

/** JUnit XML for CI: one testcase per variant, classname the API family; `error` for a run that could not finish. */
export function junitReport(results: ConformanceResult[], durationsMs: number[]): string {
  const failures = results.filter((r) => r.verdict === 'fail').length;
  const errors = results.filter((r) => r.verdict === 'error').length;
  const total = durationsMs.reduce((a, b) => a + b, 0) / 1000;
  const cases = results.map((r, i) => {
    const details = [
      r.expect ? `Expected: ${r.expect.summary}` : '',
      r.trigger ? `Trigger: ${r.trigger}` : '',
      ...r.callbacks.map(
        (c) => `Sent ${c.kind} to ${c.url}: ${sentSummary(c)}; answered ${answerSummary(c)}`,
      ),
      r.probe ?? '',
    ].filter(Boolean);
    const message = escape(r.reasons.join(' | '));
    const verdict =
      r.verdict === 'fail'
        ? `\n    <failure message="${message}">${escape(r.reasons.join('\n'))}</failure>`
        : r.verdict === 'error'
          ? `\n    <error message="${message}">${escape(r.reasons.join('\n'))}</error>`
          : '';
    const time = ((durationsMs[i] ?? 0) / 1000).toFixed(3);
    return `  <testcase classname="conformance.${escape(r.family ?? 'unknown')}" name="${escape(r.variant)}" time="${time}">${verdict}
    <system-out>${escape(details.join('\n'))}</system-out>
  </testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="daraja-emulator conformance" tests="${results.length}" failures="${failures}" errors="${errors}" time="${total.toFixed(3)}">
${cases.join('\n')}
</testsuite>
`;
}
