import { useEffect, useState } from 'react';
import { emulatorNow, useWorld } from './world-context';

/**
 * The emulator's time, re-read every `intervalMs` so countdowns move. With a manual clock it changes only when
 * the emulator reports a new time; the browser's own clock is never used as the emulator's.
 */
export function useEmulatorNow(intervalMs = 250): number | undefined {
  const { clock } = useWorld();
  const [tick, setTick] = useState(() => performance.now());
  useEffect(() => {
    if (clock?.view.kind !== 'system') return undefined;
    const timer = setInterval(() => setTick(performance.now()), intervalMs);
    return () => clearInterval(timer);
  }, [clock?.view.kind, intervalMs]);
  return emulatorNow(clock, Math.max(tick, clock?.receivedAt ?? 0));
}
