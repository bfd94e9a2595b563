import { useState } from 'react';
import { errorMessage } from '../api/control-error';
import { useApi } from '../api/use-api';
import { formatTime } from '../common/format';

/** Swaps the phone's SIM, as a customer does at a shop: the IMSI and SIM Swap checks then report the swap. */
export function SimSwapButton({ msisdn }: { msisdn: string }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string>();
  const [error, setError] = useState<string>();

  async function swap() {
    setBusy(true);
    setError(undefined);
    try {
      const sim = await api.swapSim(msisdn);
      setNote(sim.lastSwapAt !== undefined ? `SIM swapped ${formatTime(sim.lastSwapAt)}` : undefined);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sim-swap">
      <button type="button" disabled={busy} onClick={() => void swap()}>
        Swap SIM
      </button>
      {note && <span role="status">{note}</span>}
      {error && <span className="error">{error}</span>}
    </div>
  );
}
