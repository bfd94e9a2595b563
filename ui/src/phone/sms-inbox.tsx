import type { SmsView } from 'daraja-client/emulator';
import { useApi } from '../api/use-api';
import { formatDateTime } from '../common/format';
import { useLiveList } from '../live/use-live-list';

/** The phone's M-PESA messages, newest first; new ones arrive over the live socket. */
export function SmsInbox({ msisdn }: { msisdn: string }) {
  const api = useApi();
  const inbox = useLiveList<SmsView>(
    {
      load: () => api.messages(msisdn),
      key: (sms) => sms.id,
      pick: (event) => (event.type === 'sms' && event.sms.msisdn === msisdn ? event.sms : undefined),
      sort: (a, b) => b.at - a.at,
    },
    [api, msisdn],
  );
  return (
    <section className="sms-inbox" aria-label="Messages">
      <h3>Messages</h3>
      {inbox.error && <p className="error">{inbox.error}</p>}
      {!inbox.loading && inbox.items.length === 0 && <p className="muted">No messages yet.</p>}
      <ol aria-live="polite">
        {inbox.items.map((sms) => (
          <li key={sms.id} className="sms">
            <div className="sms-meta">
              <strong>MPESA</strong> <time>{formatDateTime(sms.at)}</time>
            </div>
            <p>{sms.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
