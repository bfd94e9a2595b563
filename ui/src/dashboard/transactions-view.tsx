import type { TransactionFilter, TransactionView } from 'daraja-client/emulator';
import { useState } from 'react';
import { useApi } from '../api/use-api';
import { routeHref } from '../app/use-hash-route';
import { formatAmount, formatDateTime, formatMsisdn } from '../common/format';
import { StatusBadge } from '../common/status-badge';
import { useLiveList } from '../live/use-live-list';
import { matchesFilter, TransactionFilters } from './transaction-filters';

const LIMIT = 200;

/** Every transaction, newest first, kept current by live events. */
export function TransactionsView() {
  const api = useApi();
  const [filter, setFilter] = useState<TransactionFilter>({});
  const list = useLiveList<TransactionView>(
    {
      load: () => api.transactions({ ...filter, limit: LIMIT }),
      key: (t) => t.id,
      pick: (event) => (event.type === 'transaction' ? event.transaction : undefined),
      keep: (t) => matchesFilter(t, filter),
      sort: (a, b) => b.createdAt - a.createdAt,
      limit: LIMIT,
    },
    [api, filter.type, filter.status, filter.phone, filter.shortcode],
  );
  return (
    <section aria-labelledby="transactions-title">
      <h2 id="transactions-title">Transactions</h2>
      <TransactionFilters filter={filter} onChange={setFilter} />
      {list.error && <p className="error">{list.error}</p>}
      {!list.loading && list.items.length === 0 && <p className="muted">No transactions yet.</p>}
      <ol className="record-list" aria-label="Transactions, newest first">
        {list.items.map((t) => (
          <li key={t.id}>
            <a className="record-row tx-row" href={routeHref('transactions', t.id)}>
              <time>{formatDateTime(t.createdAt)}</time>
              <span className="tx-type">{t.type}</span>
              <StatusBadge status={t.status} />
              <span>{t.amount !== undefined ? formatAmount(t.amount) : ''}</span>
              <span>{t.phone ? formatMsisdn(t.phone) : ''}</span>
              <span>{t.shortcode}</span>
              <span className="tx-result" title={t.resultDesc}>
                {t.resultCode !== undefined ? `${t.resultCode} ` : ''}
                {t.resultDesc ?? ''}
              </span>
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
