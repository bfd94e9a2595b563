import type { ClockView } from 'daraja-client/emulator';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../api/control-error';
import { useApi } from '../api/use-api';
import { formatDateTime } from '../common/format';
import { useEmulatorNow } from '../world/use-emulator-now';
import { useWorld } from '../world/world-context';

/** The emulator clock; with a manual clock, the buttons that move it (and so fire timeouts and callbacks). */
export function ClockControls() {
  const api = useApi();
  const { clock, setClock } = useWorld();
  const now = useEmulatorNow(1000);
  const id = useId();
  const [seconds, setSeconds] = useState('60');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function run(action: () => Promise<ClockView | undefined>) {
    setBusy(true);
    setError(undefined);
    try {
      const view = await action();
      // Some builds answer with the clock, others only emit a `clock` event; take whichever comes.
      if (view && typeof view.now === 'number') setClock(view);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  function advance(event: FormEvent) {
    event.preventDefault();
    void run(() => api.advanceClock(Math.round(Number(seconds) * 1000)));
  }

  if (!clock) return null;
  const manual = clock.view.kind === 'manual';
  return (
    <section className="card clock" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Clock</h3>
      <p>
        {manual ? 'Manual' : 'System'} clock: <time>{now !== undefined ? formatDateTime(now) : ''}</time>{' '}
        (EAT)
      </p>
      {manual && (
        <>
          <form className="inline-form" onSubmit={advance}>
            <label htmlFor={`${id}-seconds`}>Advance by (seconds)</label>
            <input
              id={`${id}-seconds`}
              type="number"
              min="1"
              step="1"
              required
              value={seconds}
              onChange={(e) => setSeconds(e.target.value)}
            />
            <button type="submit" disabled={busy}>
              Advance
            </button>
            <button type="button" disabled={busy} onClick={() => void run(api.runAll)}>
              Run all
            </button>
          </form>
          {clock.view.pending.length > 0 ? (
            <ol className="pending-jobs" aria-label="Scheduled">
              {clock.view.pending.map((job) => (
                <li key={job.id}>
                  {formatDateTime(job.at)} {job.label}
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">Nothing scheduled.</p>
          )}
        </>
      )}
      {error && <p className="error">{error}</p>}
    </section>
  );
}
