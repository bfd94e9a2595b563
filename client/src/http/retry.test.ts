import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  NetworkError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from '../errors/daraja-error.js';
import { backoffDelay, isTransient, retryPolicy, withRetry } from './retry.js';

function failingTimes(count: number, error: Error) {
  let calls = 0;
  const task = async () => {
    calls += 1;
    if (calls <= count) throw error;
    return 'done';
  };
  return { task, calls: () => calls };
}

describe('withRetry', () => {
  it('does not retry by default', async () => {
    const { task, calls } = failingTimes(1, new RateLimitError('busy'));
    await expect(withRetry(retryPolicy(), task)).rejects.toBeInstanceOf(RateLimitError);
    expect(calls()).toBe(1);
  });

  it('retries transient failures with exponentially growing delays', async () => {
    const delays: number[] = [];
    const policy = retryPolicy({ retries: 3, baseDelayMs: 100, sleep: async (ms) => void delays.push(ms) });
    const { task, calls } = failingTimes(3, new NetworkError('reset'));
    await expect(withRetry(policy, task)).resolves.toBe('done');
    expect(calls()).toBe(4);
    expect(delays).toEqual([100, 200, 400]);
  });

  it('gives up after the configured number of retries and throws the last error', async () => {
    const policy = retryPolicy({ retries: 2, sleep: async () => undefined });
    const error = new TimeoutError('slow');
    const { task, calls } = failingTimes(10, error);
    await expect(withRetry(policy, task)).rejects.toBe(error);
    expect(calls()).toBe(3);
  });

  it('never retries errors that are not transient', async () => {
    const policy = retryPolicy({ retries: 5, sleep: async () => undefined });
    const { task, calls } = failingTimes(1, new BadRequestError('Bad Request - Invalid Amount'));
    await expect(withRetry(policy, task)).rejects.toBeInstanceOf(BadRequestError);
    expect(calls()).toBe(1);
  });

  it('caps each delay at maxDelayMs', () => {
    const policy = retryPolicy({ baseDelayMs: 1000, maxDelayMs: 3000 });
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(policy, attempt))).toEqual([1000, 2000, 3000, 3000]);
  });

  it('treats rate limits, network failures and timeouts as transient, and server errors as not', () => {
    expect(isTransient(new RateLimitError('x'))).toBe(true);
    expect(isTransient(new NetworkError('x'))).toBe(true);
    expect(isTransient(new TimeoutError('x'))).toBe(true);
    expect(isTransient(new ServerError('x'))).toBe(false);
    expect(isTransient(new Error('x'))).toBe(false);
  });
});
