import type { JournalEntry } from 'daraja-client/emulator';
import { useId, useState } from 'react';
import { routeHref } from '../app/use-hash-route';
import { formatDateTime, formatDuration } from '../common/format';
import { JsonBlock } from '../common/json-block';
import { StatusBadge } from '../common/status-badge';

/** One request the emulator received; the plain-English explanation shows without opening it. */
export function JournalEntryItem({ entry }: { entry: JournalEntry }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const rejected = entry.status >= 400;
  return (
    <li className={rejected ? 'journal-entry rejected' : 'journal-entry'}>
      <button
        type="button"
        className="record-row journal-row"
        aria-expanded={open}
        aria-controls={`${id}-body`}
        onClick={() => setOpen(!open)}
      >
        <time>{formatDateTime(entry.at)}</time>
        <span className="method">{entry.method}</span>
        <code className="path">{entry.path}</code>
        <StatusBadge status={entry.status} />
        <span>{formatDuration(entry.durationMs)}</span>
      </button>
      {entry.explanation.length > 0 && (
        <ul className={rejected ? 'explanation error' : 'explanation muted'} aria-label="Explanation">
          {entry.explanation.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <div id={`${id}-body`} className="journal-body" hidden={!open}>
        {open && (
          <>
            {entry.api && <p>API: {entry.api}</p>}
            {entry.transactionId && (
              <p>
                <a href={routeHref('transactions', entry.transactionId)}>Transaction {entry.transactionId}</a>
              </p>
            )}
            {entry.rules && entry.rules.length > 0 && <p>Fault rules: {entry.rules.join(', ')}</p>}
            <JsonBlock label="Request body" value={entry.requestBody} />
            <JsonBlock label="Response body" value={entry.responseBody} />
          </>
        )}
      </div>
    </li>
  );
}
