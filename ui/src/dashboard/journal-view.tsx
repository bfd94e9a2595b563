import type { JournalEntry } from 'daraja-client/emulator';
import { useId, useState } from 'react';
import { useApi } from '../api/use-api';
import { ListFooter } from '../common/list-footer';
import { SearchField } from '../common/search-field';
import { ExportButton } from '../export/export-button';
import { PAGE_SIZE, usePagedList } from '../live/use-paged-list';
import { JournalEntryItem } from './journal-entry-item';

/** Every request apps sent, newest first, each rejection explained in plain English. */
export function JournalView() {
  const api = useApi();
  const id = useId();
  const [rejected, setRejected] = useState(false);
  const [q, setQ] = useState('');
  const search = q.trim() || undefined;
  const list = usePagedList<JournalEntry>(
    {
      load: (limit) => api.journal({ rejected, q: search, limit }),
      key: (e) => e.id,
      pick: (event) => (event.type === 'journal' ? event.entry : undefined),
      keep: (e) => (!rejected || e.status >= 400) && matches(e, search),
      sort: (a, b) => b.at - a.at,
    },
    [api, rejected, search],
  );
  return (
    <section aria-labelledby={`${id}-title`}>
      <div className="view-head">
        <h2 id={`${id}-title`}>Request journal</h2>
        <ExportButton
          label="Export journal as JSON"
          file="journal.json"
          load={async () => (await api.journal({ rejected, q: search, limit: 10_000 })).items}
        />
      </div>
      <div className="filters">
        <SearchField label="Search requests" value={q} onChange={setQ} placeholder="path, id, phone…" />
        <label className="checkbox">
          <input type="checkbox" checked={rejected} onChange={(e) => setRejected(e.target.checked)} />
          Rejections only
        </label>
      </div>
      {list.error && <p className="error">{list.error}</p>}
      {!list.loading && list.items.length === 0 && (
        <p className="muted">{rejected || search ? 'No requests match.' : 'No requests yet.'}</p>
      )}
      <ol className="record-list" aria-label="Requests, newest first">
        {list.items.map((e) => (
          <JournalEntryItem key={e.id} entry={e} />
        ))}
      </ol>
      <ListFooter
        shown={list.items.length}
        total={list.total}
        noun={rejected ? 'rejected requests' : 'requests'}
        loading={list.loading}
        onMore={list.more}
        step={PAGE_SIZE}
      />
    </section>
  );
}

/** The emulator's journal search, repeated for live events. */
function matches(e: JournalEntry, q: string | undefined): boolean {
  if (!q) return true;
  const needle = q.toLowerCase();
  const body = e.requestBody === undefined ? '' : JSON.stringify(e.requestBody);
  return [e.id, e.path, e.api, e.transactionId, body].some((text) => text?.toLowerCase().includes(needle));
}
