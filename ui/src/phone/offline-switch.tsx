import type { CustomerView } from 'daraja-client/emulator';
import { useState } from 'react';
import { errorMessage } from '../api/control-error';
import { useApi } from '../api/use-api';
import { useWorld } from '../world/world-context';

/** Takes the phone off the network: the emulator then treats it as unreachable (no prompt reaches it). */
export function OfflineSwitch({ customer }: { customer: CustomerView }) {
  const api = useApi();
  const { upsertCustomer } = useWorld();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function toggle() {
    setBusy(true);
    setError(undefined);
    try {
      upsertCustomer(await api.patchCustomer(customer.msisdn, { offline: !customer.offline }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="offline-switch">
      <button
        type="button"
        role="switch"
        aria-checked={customer.offline}
        disabled={busy}
        onClick={() => void toggle()}
      >
        <span className="switch-track" aria-hidden="true" />
        Offline
      </button>
      {error && <span className="error">{error}</span>}
    </div>
  );
}
