import type { JournalEntry } from 'daraja-client/emulator';
import { routeHref } from '../app/use-hash-route';
import { formatDateTime, formatDuration } from '../common/format';
import { JsonBlock } from '../common/json-block';
import { StatusBadge } from '../common/status-badge';

/** One request the emulator received; a rejection opens with the plain-English reason. */
export function JournalEntryItem({ entry }: { entry: JournalEntry }) {
  const rejected = entry.status >= 400;
  return (
    <li className={rejected ? 'journal-entry rejected' : 'journal-entry'}>
      <details>
        <summary className="record-row journal-row">
          <time>{formatDateTime(entry.at)}</time>
          <span className="method">{entry.method}</span>
          <code className="path">{entry.path}</code>
          <StatusBadge status={entry.status} />
          <span>{formatDuration(entry.durationMs)}</span>
        </summary>
        <div className="journal-body">
          {entry.api && <p>API: {entry.api}</p>}
          {entry.transactionId && (
            <p>
              <a href={routeHref('transactions', entry.transactionId)}>Transaction {entry.transactionId}</a>
            </p>
          )}
          {entry.rules && entry.rules.length > 0 && <p>Fault rules: {entry.rules.join(', ')}</p>}
          <JsonBlock label="Request body" value={entry.requestBody} />
          <JsonBlock label="Response body" value={entry.responseBody} />
        </div>
      </details>
      {entry.explanation.length > 0 && (
        <ul className={rejected ? 'explanation error' : 'explanation muted'} aria-label="Explanation">
          {entry.explanation.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
