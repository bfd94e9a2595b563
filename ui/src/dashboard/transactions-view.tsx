import type { TransactionFilter, TransactionView } from 'daraja-client/emulator';
import { transactionMatches } from 'daraja-client/emulator';
import { useState } from 'react';
import { useApi } from '../api/use-api';
import { routeHref } from '../app/use-hash-route';
import { formatAmount, formatDateTime, formatMsisdn } from '../common/format';
import { ListFooter } from '../common/list-footer';
import { StatusBadge } from '../common/status-badge';
import { transactionFresher } from '../live/freshness';
import { PAGE_SIZE, usePagedList } from '../live/use-paged-list';
import { FirstPush } from './first-push';
import { StartPayment } from './start-payment';
import { paidTo } from './paid-to';
import { TransactionFilters } from './transaction-filters';
import { RecordsTable } from './records-table';

/** Every transaction, newest first, filtered and paged by the emulator and kept current by live events. */
export function TransactionsView({ q }: { q?: string | undefined }) {
  const api = useApi();
  const [filter, setFilter] = useState<TransactionFilter>({});
  const search = q?.trim() || undefined;
  const list = usePagedList<TransactionView>(
    {
      load: (limit) => api.transactions({ ...filter, q: search, limit }),
      key: (t) => t.id,
      pick: (event) => (event.type === 'transaction' ? event.transaction : undefined),
      keep: (t) => transactionMatches(t, { ...filter, q: search }),
      sort: (a, b) => b.createdAt - a.createdAt,
      fresher: transactionFresher,
    },
    [api, filter.type, filter.status, filter.phone, filter.shortcode, search],
  );
  const filtered = Object.values(filter).some(Boolean) || search !== undefined;
  return (
    <section aria-labelledby="transactions-title">
      <h2 id="transactions-title">Transactions</h2>
      {list.items.length > 0 && (
        <details className="start-payment-toggle">
          <summary>Start a payment</summary>
          <StartPayment />
        </details>
      )}
      <TransactionFilters filter={filter} onChange={setFilter} />
      {search && (
        <p className="search-note">
          Matching “{search}” <a href={routeHref('transactions')}>Clear search</a>
        </p>
      )}
      {list.error && <p className="error">{list.error}</p>}
      {!list.loading && list.items.length === 0 && !filtered && <FirstPush />}
      {!list.loading && list.items.length === 0 && filtered && (
        <p className="muted">No transactions match.</p>
      )}
      {list.items.length > 0 && (
        <RecordsTable
          label="Transactions, newest first"
          className="tx-table"
          columns={[
            'Time',
            'Type',
            'Status',
            'Amount',
            'Phone',
            'Shortcode',
            'Reference',
            'Receipt',
            'Result',
            'ID',
          ]}
        >
          {list.items.map((t) => (
            <TransactionRow key={t.id} t={t} />
          ))}
        </RecordsTable>
      )}
      <ListFooter
        shown={list.items.length}
        total={list.total}
        noun="transactions"
        loading={list.loading}
        onMore={list.more}
        step={PAGE_SIZE}
      />
    </section>
  );
}

function TransactionRow({ t }: { t: TransactionView }) {
  return (
    <tr>
      <td data-label="Time">
        <a href={routeHref('transactions', t.id)}>
          <time>{formatDateTime(t.createdAt)}</time>
        </a>
      </td>
      <td data-label="Type">{t.type}</td>
      <td data-label="Status">
        <StatusBadge status={t.status} />
      </td>
      <td data-label="Amount">{t.amount !== undefined ? formatAmount(t.amount) : ''}</td>
      <td data-label="Phone">{t.phone ? formatMsisdn(t.phone) : ''}</td>
      <td data-label="Shortcode">{paidTo(t) ? `${t.shortcode} → ${paidTo(t)}` : t.shortcode}</td>
      <td data-label="Reference">{t.accountReference ?? ''}</td>
      <td data-label="Receipt">
        <code>{t.receipt ?? ''}</code>
      </td>
      <td data-label="Result" className="tx-result" title={t.resultDesc}>
        {t.resultCode !== undefined ? `${t.resultCode} ` : ''}
        {t.resultDesc ?? ''}
      </td>
      <td data-label="ID">
        <code className="tx-id">{t.id}</code>
      </td>
    </tr>
  );
}
