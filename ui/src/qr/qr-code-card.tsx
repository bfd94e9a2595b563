import type { TransactionView } from 'daraja-client/emulator';
import { useId, useState } from 'react';
import { formatAmount, formatMsisdn } from '../common/format';
import { useShown } from '../phone/shown-phones';
import { useWorld } from '../world/world-context';
import { decodeQrImage, pngBlob } from './decode-qr-image';
import { useScanRequests } from './qr-scan-requests';

interface Props {
  transaction: TransactionView;
  /** Reads the image's QR code; the browser's canvas and jsQR unless a test gives another. */
  decode?: (image: Blob) => Promise<string | undefined>;
}

/**
 * A Dynamic QR code as the app received it. Clicking it holds it up to the chosen phone's camera: the phone
 * reads the picture and opens the payment, as a customer scanning the code at the till would.
 */
export function QrCodeCard({ transaction, decode = decodeQrImage }: Props) {
  const id = useId();
  const { customers } = useWorld();
  const { shown, show } = useShown();
  const { scanOn } = useScanRequests();
  const [phone, setPhone] = useState(shown[0] ?? customers[0]?.msisdn ?? '');
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string }>();
  const base64 = (transaction.response as { QRCode?: unknown } | null)?.QRCode;
  if (typeof base64 !== 'string') return null;
  const label = `QR code: ${formatAmount(transaction.amount ?? 0)} to ${transaction.description ?? transaction.shortcode}`;

  async function scan() {
    const chosen = phone || customers[0]?.msisdn;
    if (!chosen || typeof base64 !== 'string') return;
    const text = await decode(pngBlob(base64)).catch(() => undefined);
    if (text === undefined) {
      setStatus({ tone: 'error', text: 'The phone could not read this picture.' });
      return;
    }
    show(chosen);
    scanOn(chosen, text);
    const name = customers.find((c) => c.msisdn === chosen)?.name ?? formatMsisdn(chosen);
    setStatus({ tone: 'ok', text: `Scanned on ${name}'s phone: "${text}".` });
  }

  return (
    <figure className="qr-card">
      <button type="button" className="qr-image" onClick={() => void scan()} aria-label={`Scan ${label}`}>
        <img src={`data:image/png;base64,${base64}`} alt={label} width={180} height={180} />
      </button>
      <figcaption>
        <label htmlFor={`${id}-phone`}>Scan with</label>{' '}
        <select id={`${id}-phone`} value={phone} onChange={(event) => setPhone(event.target.value)}>
          {customers.map((c) => (
            <option key={c.msisdn} value={c.msisdn}>
              {c.name} {formatMsisdn(c.msisdn)}
            </option>
          ))}
        </select>{' '}
        <span className="muted">Click the code to scan it with that phone.</span>
        {status && (
          <p role="status" className={`notice ${status.tone}`}>
            {status.text}
          </p>
        )}
      </figcaption>
    </figure>
  );
}
