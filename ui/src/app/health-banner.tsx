import { useEffect, useState } from 'react';
import { useApi } from '../api/use-api';

/** How often the UI asks whether the emulator can save what it is sent. */
export const HEALTH_POLL_MS = 5_000;

/**
 * A banner while the emulator cannot save (a full disk, say): requests that change state get errors until
 * then, and the banner says why. It goes away by itself once writes succeed again.
 */
export function HealthBanner({ pollMs = HEALTH_POLL_MS }: { pollMs?: number }) {
  const api = useApi();
  const [reason, setReason] = useState<string | undefined>();
  useEffect(() => {
    let active = true;
    const check = () =>
      api.health().then(
        (health) => {
          if (active) setReason(health.status === 'unhealthy' ? health.reason : undefined);
        },
        // An emulator that does not answer is shown by the live indicator.
        () => undefined,
      );
    void check();
    const timer = setInterval(() => void check(), pollMs);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [api, pollMs]);
  if (!reason) return null;
  return (
    <p className="health-banner" role="alert">
      Not ready: the emulator cannot save what it is sent ({reason}). Requests that change state get errors
      until it can.
    </p>
  );
}
