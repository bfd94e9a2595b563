import type { CallbackAnswer, CallbackExchange } from 'daraja-client/emulator';
import type { CallbackVariant } from './callback-variant.js';

/**
 * What was wrong with the app's answers to the callbacks of one run. Daraja ignores the answer to every
 * callback except C2B validation, but an error status still says the app failed to record it, and
 * validation must answer within the deadline (about 8 s) with the right decision.
 */
export function answerProblems(
  variant: CallbackVariant,
  callbacks: CallbackExchange[],
  validationLimitMs: number,
): string[] {
  const problems: string[] = [];
  for (const c of callbacks) {
    if (c.status === 'cancelled') continue; // withheld on purpose by the variant
    for (const a of c.answers) {
      const failed = answerFailure(a);
      if (failed) problems.push(`The ${c.kind} to ${c.url} ${failed}.`);
    }
    const last = c.answers[c.answers.length - 1];
    if (c.kind !== 'c2b-validation' || !last || answerFailure(last)) continue;
    if (last.latencyMs > validationLimitMs) {
      problems.push(
        `The validation answer took ${last.latencyMs} ms; M-Pesa waits about ${validationLimitMs} ms and then applies the ResponseType.`,
      );
    }
    const accepted = acceptedBy(last.body);
    const shouldAccept = variant.c2b?.account !== 'unknown';
    if (accepted === undefined)
      problems.push(`The validation answer has no ResultCode: ${last.body ?? '(empty)'}.`);
    else if (accepted !== shouldAccept) {
      problems.push(
        shouldAccept
          ? `The app rejected a payment to its own account number: ${last.body}.`
          : `The app accepted a payment to an account number it never issued: ${last.body}.`,
      );
    }
  }
  return problems;
}

function answerFailure(a: CallbackAnswer): string | undefined {
  if (a.error) return `got no answer (${a.error})`;
  if (a.status === undefined || a.status < 200 || a.status >= 300)
    return `was answered HTTP ${a.status ?? '(none)'}${a.body ? `: ${a.body.slice(0, 200)}` : ''}`;
  return undefined;
}

/** true for ResultCode 0, false for any other code, undefined without one. */
function acceptedBy(body: string | undefined): boolean | undefined {
  try {
    const code = (JSON.parse(body ?? '') as { ResultCode?: unknown }).ResultCode;
    if (typeof code !== 'string' && typeof code !== 'number') return undefined;
    return String(code).trim() === '0';
  } catch {
    return undefined;
  }
}
