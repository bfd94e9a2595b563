import type { CallbackVariantView, ConformanceResult } from 'daraja-client/emulator';
import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/control-error';
import { useApi } from '../api/use-api';

/** Sends any variant's callbacks to any URL, the emulator playing the app that starts the payment. */
export function FireForm({ onFired }: { onFired: (result: ConformanceResult) => void }) {
  const api = useApi();
  const [variants, setVariants] = useState<CallbackVariantView[]>([]);
  const [variant, setVariant] = useState('');
  const [url, setUrl] = useState('http://127.0.0.1:3000/callback');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  useEffect(() => {
    api.conformanceVariants().then(
      (list) => {
        setVariants(list);
        setVariant((v) => v || (list[0]?.name ?? ''));
      },
      (error: unknown) => setMessage(errorMessage(error)),
    );
  }, [api]);
  const chosen = variants.find((v) => v.name === variant);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(undefined);
    api.fireVariant({ variant, url }).then(
      (result) => {
        setBusy(false);
        setMessage(`Fired ${result.variant}.`);
        onFired(result);
      },
      (error: unknown) => {
        setBusy(false);
        setMessage(errorMessage(error));
      },
    );
  };

  return (
    <form aria-label="Fire a variant" onSubmit={submit} className="card">
      <label>
        Variant{' '}
        <select value={variant} onChange={(e) => setVariant(e.target.value)}>
          {variants.map((v) => (
            <option key={v.name} value={v.name}>
              {v.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        Callback URL <input value={url} onChange={(e) => setUrl(e.target.value)} size={40} />
      </label>{' '}
      <button type="submit" disabled={busy || !variant}>
        {busy ? 'Firing…' : 'Fire'}
      </button>
      {chosen && (
        <p className="muted">
          {chosen.description} <em>Evidence: {chosen.evidence}</em>
        </p>
      )}
      {message && <p role="status">{message}</p>}
    </form>
  );
}
