import type { RateLimitSettings } from 'daraja-client/emulator';

/** Accepted request times of one key, oldest first; `head` skips the ones that left the window. */
interface Window {
  times: number[];
  head: number;
}

/**
 * Apigee's spike arrest on the emulator clock. `window` allows `tps` requests in any 1000 ms;
 * `smooth` allows one request every 1000/tps ms, which is how Apigee applies a rate by default
 * (a burst is refused even when the second is not used up). Refused requests are not counted.
 */
export class RateLimiter {
  readonly #windows = new Map<string, Window>();

  /** Records the request and says whether it is within the limit. */
  admit(key: string, now: number, settings: RateLimitSettings): boolean {
    if (settings.tps <= 0) return true;
    let w = this.#windows.get(key);
    if (!w) {
      w = { times: [], head: 0 };
      this.#windows.set(key, w);
    }
    const last = w.times[w.times.length - 1];
    if (settings.algorithm === 'smooth') {
      if (last !== undefined && now - last < 1000 / settings.tps) return false;
      w.times = [now];
      w.head = 0;
      return true;
    }
    while (w.head < w.times.length && now - (w.times[w.head] as number) >= 1000) w.head++;
    if (w.times.length - w.head >= settings.tps) return false;
    // Drop the expired prefix now and then, so memory follows the live window rather than all history.
    if (w.head > 1024 && w.head * 2 > w.times.length) {
      w.times = w.times.slice(w.head);
      w.head = 0;
    }
    w.times.push(now);
    return true;
  }

  clear(): void {
    this.#windows.clear();
  }
}
