import type { DeliveryView } from 'daraja-client/emulator';
import { rejection } from './results.js';

/** What the app's ValidationURL decided about a payment. */
export type ValidationAnswer =
  | { kind: 'accept'; thirdPartyTransId: string }
  | { kind: 'reject'; code: string; desc: string }
  | { kind: 'unanswered'; reason: string };

/**
 * Reads the validation delivery's final attempt. `ResultCode` "0" (or 0) accepts and any other code rejects,
 * as Daraja's docs say. No usable answer within the deadline (unreachable, timed out, late, not 2xx, not
 * JSON, no ResultCode) counts as no answer, and the registered ResponseType then decides.
 */
export function readValidationAnswer(delivery: DeliveryView, deadlineMs: number): ValidationAnswer {
  const last = delivery.attempts[delivery.attempts.length - 1];
  if (!last) return { kind: 'unanswered', reason: 'the validation request was never sent' };
  if (last.error) {
    return {
      kind: 'unanswered',
      reason: /timed out/.test(last.error)
        ? `the ValidationURL did not answer within ${deadlineMs} ms`
        : `the ValidationURL could not be reached (${last.error})`,
    };
  }
  if (last.durationMs > deadlineMs) {
    return {
      kind: 'unanswered',
      reason: `the ValidationURL answered after ${last.durationMs} ms, later than the ${deadlineMs} ms deadline`,
    };
  }
  if (last.status === undefined || last.status < 200 || last.status >= 300) {
    return { kind: 'unanswered', reason: `the ValidationURL answered HTTP ${last.status ?? '(none)'}` };
  }
  let reply: unknown;
  try {
    reply = JSON.parse(last.responseBody ?? '');
  } catch {
    return { kind: 'unanswered', reason: 'the ValidationURL answered with a body that is not JSON' };
  }
  if (!reply || typeof reply !== 'object' || Array.isArray(reply)) {
    return { kind: 'unanswered', reason: 'the ValidationURL answered with JSON that is not an object' };
  }
  const { ResultCode: code, ResultDesc: desc, ThirdPartyTransID: third } = reply as Record<string, unknown>;
  if (typeof code !== 'string' && typeof code !== 'number') {
    return { kind: 'unanswered', reason: 'the ValidationURL answer has no ResultCode' };
  }
  if (String(code).trim() === '0') {
    return {
      kind: 'accept',
      thirdPartyTransId: typeof third === 'string' || typeof third === 'number' ? String(third) : '',
    };
  }
  const entry = rejection(String(code), typeof desc === 'string' ? desc : undefined);
  return { kind: 'reject', code: String(entry.code), desc: entry.desc };
}
