import type { DeliveryView, Settings } from 'daraja-client/emulator';
import type { PostResult } from './http-post.js';

/** What one POST makes of a delivery: scheduled again for a retry, or settled as delivered or failed. */
export type AttemptOutcome =
  { retry: true; delivery: DeliveryView } | { retry: false; delivery: DeliveryView };

/**
 * Records the attempt (time, duration, status, answer or error) on the delivery and decides what follows:
 * a 2xx settles it as delivered; anything else is retried with exponential back-off while failed attempts
 * stay within `retries`, and fails it after that.
 */
export function attemptOutcome(
  current: DeliveryView,
  result: PostResult,
  at: number,
  now: number,
  retries: number,
  settings: Settings['callbacks'],
): AttemptOutcome {
  const ok = result.status !== undefined && result.status >= 200 && result.status < 300 && !result.error;
  const attempt = {
    at,
    durationMs: result.durationMs,
    ...(result.status !== undefined ? { status: result.status } : {}),
    ...(result.body !== undefined ? { responseBody: result.body } : {}),
    ...(result.error ? { error: result.error } : {}),
  };
  // concat sizes the list exactly; a spread leaves room for 16 more attempts in every kept delivery.
  const attempts = current.attempts.concat([attempt]);
  const failedAttempts = attempts.filter((a) => a.error || !a.status || a.status >= 300).length;
  if (!ok && failedAttempts <= retries) {
    const dueAt = now + settings.retryDelayMs * 2 ** (failedAttempts - 1);
    return { retry: true, delivery: { ...current, attempts, status: 'scheduled', dueAt } };
  }
  return { retry: false, delivery: { ...current, attempts, status: ok ? 'delivered' : 'failed' } };
}
