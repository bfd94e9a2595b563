import type { JournalEntry } from 'daraja-client/emulator';
import { useState } from 'react';
import { useApi } from '../api/use-api';
import { useLiveList } from '../live/use-live-list';
import { JournalEntryItem } from './journal-entry-item';

const LIMIT = 200;

/** Every request apps sent, newest first, each rejection explained in plain English. */
export function JournalView() {
  const api = useApi();
  const [rejectedOnly, setRejectedOnly] = useState(false);
  const list = useLiveList<JournalEntry>(
    {
      load: () => api.journal(LIMIT),
      key: (e) => e.id,
      pick: (event) => (event.type === 'journal' ? event.entry : undefined),
      sort: (a, b) => b.at - a.at,
      limit: LIMIT,
    },
    [api],
  );
  const entries = rejectedOnly ? list.items.filter((e) => e.status >= 400) : list.items;
  return (
    <section aria-labelledby="journal-title">
      <h2 id="journal-title">Request journal</h2>
      <label className="checkbox">
        <input type="checkbox" checked={rejectedOnly} onChange={(e) => setRejectedOnly(e.target.checked)} />
        Rejections only
      </label>
      {list.error && <p className="error">{list.error}</p>}
      {!list.loading && entries.length === 0 && <p className="muted">No requests yet.</p>}
      <ol className="record-list" aria-label="Requests, newest first">
        {entries.map((e) => (
          <JournalEntryItem key={e.id} entry={e} />
        ))}
      </ol>
    </section>
  );
}
