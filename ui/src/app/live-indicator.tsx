import { useLiveStatus } from '../live/use-live';

/** Whether live updates are flowing; while the emulator restarts it says when the next attempt is. */
export function LiveIndicator() {
  const status = useLiveStatus();
  const text =
    status.state === 'open'
      ? 'Live'
      : status.state === 'connecting'
        ? 'Connecting…'
        : `Disconnected, retrying${status.retryInMs !== undefined ? ` in ${Math.ceil(status.retryInMs / 1000)} s` : ''}`;
  return (
    <span className={`live-indicator ${status.state}`} role="status" aria-label={`Live updates: ${text}`}>
      <span className="dot" aria-hidden="true" />
      {text}
    </span>
  );
}
