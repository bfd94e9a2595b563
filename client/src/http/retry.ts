import { NetworkError, RateLimitError, TimeoutError } from '../errors/daraja-error.js';

/** How transient failures are retried. Off by default: a retried payment request may be processed twice. */
export interface RetryOptions {
  /** Extra attempts after the first; 0 disables retries. */
  retries?: number | undefined;
  /** Delay before the first retry; doubles on each further retry. */
  baseDelayMs?: number | undefined;
  /** Upper bound for one delay. */
  maxDelayMs?: number | undefined;
  /** Waits between attempts; inject a fake in tests. */
  sleep?: ((ms: number) => Promise<void>) | undefined;
}

/** RetryOptions with every default filled in. */
export type RetryPolicy = Required<RetryOptions>;

/** Waits for `ms` milliseconds. */
export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Fills in retry defaults: no retries, 500 ms doubling up to 8 s. */
export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  return {
    retries: options.retries ?? 0,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 8000,
    sleep: options.sleep ?? defaultSleep,
  };
}

/** True for the failures Daraja documents as transient: rate limits, system busy, network, timeout. */
export function isTransient(error: unknown): boolean {
  return error instanceof RateLimitError || error instanceof NetworkError || error instanceof TimeoutError;
}

/** The delay before retry number `attempt` (0-based): base × 2^attempt, capped. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
}

/** Runs `task`, retrying transient failures with exponential backoff; other errors pass straight through. */
export async function withRetry<T>(policy: RetryPolicy, task: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= policy.retries || !isTransient(error)) throw error;
      await policy.sleep(backoffDelay(policy, attempt));
    }
  }
}
