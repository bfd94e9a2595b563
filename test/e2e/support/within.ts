/**
 * Awaits `work`, or fails after `ms` naming the step. A browser or server step that never finishes then fails
 * fast with its name, and the test's own failure is reported instead of a bare test timeout.
 */
export async function within<T>(step: string, work: Promise<T>, ms = 15_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${step} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
