import { useState } from 'react';
import { errorMessage } from '../api/control-error';
import { downloadJson } from './download-json';

interface Props {
  label: string;
  file: string;
  load: () => Promise<unknown>;
}

/** Fetches what is to be exported (all of it, not only the rows on screen) and offers it as a JSON file. */
export function ExportButton({ label, file, load }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function run() {
    setBusy(true);
    setError(undefined);
    try {
      downloadJson(file, await load());
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }
  return (
    <span className="export">
      <button type="button" className="secondary small" disabled={busy} onClick={() => void run()}>
        {label}
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
