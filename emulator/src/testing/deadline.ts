/** Rejects with `message()` after `timeoutMs` of real time unless `promise` settles first. */
export function withDeadline<T>(promise: Promise<T>, timeoutMs: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    // Real time on purpose: the emulator's manual clock does not move while a test waits.
    timer = setTimeout(() => reject(new Error(message())), timeoutMs);
    timer.unref();
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** Real milliseconds a kit helper waits for something before failing the test. */
export const DEFAULT_WAIT_MS = 5_000;
