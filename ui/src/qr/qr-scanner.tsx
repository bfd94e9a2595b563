import { parseQrPayload, type QrPayload } from 'daraja-client/emulator';
import { type DragEvent, useId, useState } from 'react';
import { decodeQrImage } from './decode-qr-image';

interface Props {
  onScanned: (payload: QrPayload) => void;
  onBack: () => void;
  /** Reads a picture's QR code; the browser's canvas and jsQR unless a test gives another. */
  decode?: (image: Blob) => Promise<string | undefined>;
}

/**
 * The phone's camera, as far as a browser can be one: the user picks or drops the picture of an M-Pesa QR
 * code (a Dynamic QR PNG, a screenshot), and the phone reads what it says.
 */
export function QrScanner({ onScanned, onBack, decode = decodeQrImage }: Props) {
  const id = useId();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  async function read(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const text = await decode(file);
      const payload = text === undefined ? undefined : parseQrPayload(text);
      if (payload) onScanned(payload);
      else
        setError(
          text === undefined
            ? `No QR code found in ${file.name}.`
            : `Not an M-PESA QR code: it reads "${text}".`,
        );
    } catch {
      setError(`${file.name} is not a picture the phone can read.`);
    } finally {
      setBusy(false);
    }
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    void read(event.dataTransfer.files[0]);
  }

  return (
    <section className="qr-scanner" aria-label="Scan QR code">
      <h3>Scan QR code</h3>
      <div
        className={over ? 'qr-drop over' : 'qr-drop'}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p>Drop the QR code picture here, or</p>
        <label htmlFor={`${id}-file`} className="button-like">
          Choose a picture
        </label>
        <input
          id={`${id}-file`}
          className="visually-hidden"
          type="file"
          accept="image/*"
          disabled={busy}
          onChange={(event) => void read(event.target.files?.[0])}
        />
      </div>
      {busy && <p role="status">Reading the code…</p>}
      {error && (
        <p role="alert" className="notice error">
          {error}
        </p>
      )}
      <button type="button" className="secondary" onClick={onBack}>
        Back
      </button>
    </section>
  );
}
