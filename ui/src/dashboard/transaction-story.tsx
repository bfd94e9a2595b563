import type { DeliveryView, JournalEntry, TransactionView } from 'daraja-client/emulator';
import { useApi } from '../api/use-api';
import { routeHref } from '../app/use-hash-route';
import { formatAmount, formatDateTime, formatMsisdn } from '../common/format';
import { JsonBlock } from '../common/json-block';
import { deliveryFresher, transactionFresher } from '../live/freshness';
import { StoryExport } from './story-export';
import { StatusBadge } from '../common/status-badge';
import { useLiveList } from '../live/use-live-list';
import { DeliveryCard } from './delivery-card';
import { JournalEntryItem } from './journal-entry-item';
import { PromptActions } from './prompt-actions';
import { paidTo } from './paid-to';
import { QrCodeCard } from '../qr/qr-code-card';

/** One transaction from request to callback: what the app sent, what it got back, who decided, what was delivered. */
export function TransactionStory({ id }: { id: string }) {
  const api = useApi();
  const tx = useLiveList<TransactionView>(
    {
      load: async () => [await api.transaction(id)],
      key: (t) => t.id,
      pick: (event) =>
        event.type === 'transaction' && event.transaction.id === id ? event.transaction : undefined,
      fresher: transactionFresher,
    },
    [api, id],
  );
  const deliveries = useLiveList<DeliveryView>(
    {
      load: () => api.deliveries({ transactionId: id }),
      key: (d) => d.id,
      pick: (event) =>
        event.type === 'delivery' && event.delivery.transactionId === id ? event.delivery : undefined,
      sort: (a, b) => a.dueAt - b.dueAt,
      fresher: deliveryFresher,
    },
    [api, id],
  );
  // Every request about this transaction: the push itself, then any status queries the app made.
  const requests = useLiveList<JournalEntry>(
    {
      load: () => api.journal({ limit: 50, transactionId: id }),
      key: (e) => e.id,
      pick: (event) =>
        event.type === 'journal' && event.entry.transactionId === id ? event.entry : undefined,
      sort: (a, b) => a.at - b.at,
    },
    [api, id],
  );
  const t = tx.items[0];

  return (
    <section aria-labelledby="story-title" className="story">
      <p>
        <a href={routeHref('transactions')}>← All transactions</a>
      </p>
      <h2 id="story-title">Transaction {id}</h2>
      {tx.error && <p className="error">{tx.error}</p>}
      {t && (
        <>
          <StoryExport transaction={t} deliveries={deliveries.items} requests={requests.items} />
          <dl className="facts">
            <dt>Type</dt>
            <dd>{t.type}</dd>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={t.status} />
            </dd>
            {t.amount !== undefined && (
              <>
                <dt>Amount</dt>
                <dd>{formatAmount(t.amount)}</dd>
              </>
            )}
            {t.phone && (
              <>
                <dt>Phone</dt>
                <dd>{formatMsisdn(t.phone)}</dd>
              </>
            )}
            <dt>Shortcode</dt>
            <dd>{t.shortcode}</dd>
            {paidTo(t) && (
              <>
                <dt>Paid to</dt>
                <dd>{paidTo(t)}</dd>
              </>
            )}
            {t.merchantRequestId && (
              <>
                <dt>MerchantRequestID</dt>
                <dd>
                  <code>{t.merchantRequestId}</code>
                </dd>
              </>
            )}
            {t.conversationId && (
              <>
                <dt>ConversationID</dt>
                <dd>
                  <code>{t.conversationId}</code>
                </dd>
              </>
            )}
            {t.unreachable && (
              <>
                <dt>Phone</dt>
                <dd>Unreachable: the prompt never reached it (offline).</dd>
              </>
            )}
            {t.accountReference && (
              <>
                <dt>Account reference</dt>
                <dd>{t.accountReference}</dd>
              </>
            )}
            {t.receipt && (
              <>
                <dt>Receipt</dt>
                <dd>{t.receipt}</dd>
              </>
            )}
            {t.resultCode !== undefined && (
              <>
                <dt>Result</dt>
                <dd>
                  {t.resultCode} {t.resultDesc}
                </dd>
              </>
            )}
          </dl>
          {t.type === 'dynamic-qr' && <QrCodeCard transaction={t} />}
          <ol className="timeline">
            <li>
              <h3>1. Request · {formatDateTime(t.createdAt)}</h3>
              <JsonBlock label="Request" value={t.request} />
            </li>
            <li>
              <h3>2. Acknowledgement</h3>
              <JsonBlock label="Acknowledgement" value={t.response} />
            </li>
            <li>
              <h3>3. Decision</h3>
              {t.type === 'dynamic-qr' ? (
                <p className="muted">
                  Nothing to decide: a phone pays the code when it scans it, as a Buy Goods or Pay Bill
                  payment of its own.
                </p>
              ) : t.decision ? (
                <p>
                  {formatDateTime(t.decision.at)}, decided by <strong>{t.decision.by}</strong>: result{' '}
                  {t.decision.resultCode}, {t.decision.resultDesc}
                  {t.rules && t.rules.length > 0 && <> (fault rules: {t.rules.join(', ')})</>}
                </p>
              ) : (
                <>
                  <p className="muted">
                    Waiting{t.expiresAt !== undefined ? ` (times out at ${formatDateTime(t.expiresAt)})` : ''}
                    .
                  </p>
                  {t.type === 'stk' && t.status === 'pending' && !t.unreachable && (
                    <PromptActions transaction={t} onAnswered={tx.upsert} />
                  )}
                </>
              )}
            </li>
            <li>
              <h3>4. Callback deliveries</h3>
              {t.callbackUrl && (
                <p className="url">
                  Callback URL <code>{t.callbackUrl}</code>
                </p>
              )}
              {deliveries.items.length === 0 && <p className="muted">None yet.</p>}
              {deliveries.items.map((d) => (
                <DeliveryCard key={d.id} delivery={d} onResent={deliveries.upsert} showTransaction={false} />
              ))}
            </li>
            <li>
              <h3>Requests about it</h3>
              {requests.items.length === 0 && <p className="muted">None in the journal.</p>}
              <ol className="record-list" aria-label="Requests about this transaction">
                {requests.items.map((e) => (
                  <JournalEntryItem key={e.id} entry={e} />
                ))}
              </ol>
            </li>
          </ol>
        </>
      )}
    </section>
  );
}
