import type { TransactionType, TransactionView } from 'daraja-client/emulator';
import { useApi } from '../api/use-api';
import { transactionFresher } from '../live/freshness';
import { type LiveList, useLiveList } from '../live/use-live-list';

/** The kinds of transaction that ring a phone and wait for its answer. */
export type PromptType = Extract<TransactionType, 'stk' | 'b2b-express-checkout'>;

/**
 * Open prompts of one type that reached their phone, oldest first (a phone answers prompts in the order
 * they arrived): all phones' when `phone` is left out.
 */
export function usePendingPrompts(type: PromptType, phone?: string): LiveList<TransactionView> {
  const api = useApi();
  return useLiveList<TransactionView>(
    {
      load: () => api.transactions({ type, status: 'pending', ...(phone ? { phone } : { limit: 1_000 }) }),
      key: (t) => t.id,
      pick: (event) =>
        event.type === 'transaction' &&
        event.transaction.type === type &&
        (phone === undefined || event.transaction.phone === phone)
          ? event.transaction
          : undefined,
      // A prompt that never reached the phone (it was offline) is not on it.
      keep: (t) => t.status === 'pending' && !t.unreachable,
      sort: (a, b) => a.createdAt - b.createdAt,
      fresher: transactionFresher,
    },
    [api, type, phone],
  );
}
