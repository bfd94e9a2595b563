import type { DeliveryView, JournalEntry, TransactionView } from 'daraja-client/emulator';
import { CopyBlock } from '../common/copy-block';
import { curlFor } from '../export/curl';
import { downloadJson } from '../export/download-json';

interface Props {
  transaction: TransactionView;
  deliveries: DeliveryView[];
  requests: JournalEntry[];
}

/** The story as a JSON file, and the request that started it as a curl command to run again. */
export function StoryExport({ transaction, deliveries, requests }: Props) {
  const first = requests[0];
  return (
    <details className="story-export">
      <summary>Export</summary>
      <button
        type="button"
        className="secondary small"
        onClick={() =>
          downloadJson(`transaction-${transaction.id}.json`, { transaction, deliveries, requests })
        }
      >
        Export story as JSON
      </button>
      {first ? (
        <CopyBlock label="Replay as curl" text={curlFor(location.origin, first.path, transaction.request)} />
      ) : (
        <p className="muted">
          No Daraja request started it (a payment made on the phone), so there is nothing to replay with curl.
        </p>
      )}
    </details>
  );
}
