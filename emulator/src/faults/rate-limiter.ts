import type { RateLimitSettings } from 'daraja-client/emulator';

/**
 * Apigee's spike arrest on the emulator clock. `window` allows `tps` requests in any 1000 ms;
 * `smooth` allows one request every 1000/tps ms, which is how Apigee applies a rate by default
 * (a burst is refused even when the second is not used up). Refused requests are not counted.
 */
export class RateLimiter {
  readonly #accepted = new Map<string, number[]>();

  /** Records the request and says whether it is within the limit. */
  admit(key: string, now: number, settings: RateLimitSettings): boolean {
    if (settings.tps <= 0) return true;
    const times = this.#accepted.get(key) ?? [];
    if (settings.algorithm === 'smooth') {
      const last = times[times.length - 1];
      if (last !== undefined && now - last < 1000 / settings.tps) return false;
      this.#accepted.set(key, [now]);
      return true;
    }
    const recent = times.filter((t) => now - t < 1000);
    if (recent.length >= settings.tps) {
      this.#accepted.set(key, recent);
      return false;
    }
    recent.push(now);
    this.#accepted.set(key, recent);
    return true;
  }

  clear(): void {
    this.#accepted.clear();
  }
}
