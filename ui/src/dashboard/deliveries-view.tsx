import type { DeliveryFilter, DeliveryView } from 'daraja-client/emulator';
import { deliveryMatches } from 'daraja-client/emulator';
import { useId, useState } from 'react';
import { useApi } from '../api/use-api';
import { routeHref } from '../app/use-hash-route';
import { formatDateTime, formatDuration } from '../common/format';
import { ListFooter } from '../common/list-footer';
import { SearchField } from '../common/search-field';
import { StatusBadge } from '../common/status-badge';
import { ExportButton } from '../export/export-button';
import { deliveryFresher } from '../live/freshness';
import { PAGE_SIZE, usePagedList } from '../live/use-paged-list';
import { DeliveryDetail } from './delivery-detail';
import { DeliveryFilters } from './delivery-filters';
import { RecordsTable } from './records-table';

/** Every callback delivery, newest first, one line each; the chosen one opens in a pane beside the list. */
export function DeliveriesView({ selected }: { selected?: string | undefined }) {
  const api = useApi();
  const id = useId();
  const [filter, setFilter] = useState<DeliveryFilter>({});
  const [q, setQ] = useState('');
  const search = q.trim() || undefined;
  const list = usePagedList<DeliveryView>(
    {
      load: (limit) => api.deliveries({ ...filter, q: search, limit }),
      key: (d) => d.id,
      pick: (event) => (event.type === 'delivery' ? event.delivery : undefined),
      keep: (d) => deliveryMatches(d, { ...filter, q: search }),
      sort: (a, b) => b.dueAt - a.dueAt || a.id.localeCompare(b.id),
      fresher: deliveryFresher,
    },
    [api, filter.status, filter.kind, filter.transactionId, search],
  );
  return (
    <section aria-labelledby={`${id}-title`} className={selected ? 'master-detail open' : 'master-detail'}>
      <div className="master">
        <div className="view-head">
          <h2 id={`${id}-title`}>Callback deliveries</h2>
          <ExportButton
            label="Export deliveries as JSON"
            file="deliveries.json"
            load={async () => (await api.deliveries({ ...filter, q: search, limit: 10_000 })).items}
          />
        </div>
        <div className="filters">
          <SearchField label="Search callbacks" value={q} onChange={setQ} placeholder="URL or id" />
          <DeliveryFilters filter={filter} onChange={setFilter} />
        </div>
        {list.error && <p className="error">{list.error}</p>}
        {!list.loading && list.items.length === 0 && (
          <p className="muted">
            {search || Object.values(filter).some(Boolean) ? 'No callbacks match.' : 'No callbacks yet.'}
          </p>
        )}
        {list.items.length > 0 && (
          <RecordsTable
            label="Callback deliveries, newest first"
            className="delivery-table"
            columns={['Due', 'Kind', 'Status', 'Answer', 'URL']}
          >
            {list.items.map((d) => (
              <DeliveryRow key={d.id} d={d} selected={d.id === selected} />
            ))}
          </RecordsTable>
        )}
        <ListFooter
          shown={list.items.length}
          total={list.total}
          noun="callbacks"
          loading={list.loading}
          onMore={list.more}
          step={PAGE_SIZE}
        />
      </div>
      {selected && (
        <div className="detail">
          <p>
            <a href={routeHref('deliveries')}>Close</a>
          </p>
          <DeliveryDetail id={selected} onResent={list.upsert} />
        </div>
      )}
    </section>
  );
}

function DeliveryRow({ d, selected }: { d: DeliveryView; selected: boolean }) {
  const last = d.attempts.at(-1);
  return (
    <tr aria-selected={selected} className={selected ? 'selected' : undefined}>
      <td data-label="Due">
        <a href={routeHref('deliveries', d.id)}>
          <time>{formatDateTime(d.dueAt)}</time>
          <span className="visually-hidden">
            {' '}
            {d.kind} delivery, {d.status}
          </span>
        </a>
      </td>
      <td data-label="Kind">{d.kind}</td>
      <td data-label="Status">
        <StatusBadge status={d.status} />
      </td>
      <td data-label="Answer">
        {last
          ? `${last.status !== undefined ? `HTTP ${last.status}` : 'no answer'} · ${formatDuration(last.durationMs)}`
          : ''}
        {d.attempts.length > 1 ? ` (${d.attempts.length} attempts)` : ''}
      </td>
      <td data-label="URL" className="url-cell">
        <code>{d.url}</code>
      </td>
    </tr>
  );
}
