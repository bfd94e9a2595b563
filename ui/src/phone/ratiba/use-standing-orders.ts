import type { StandingOrderView } from 'daraja-client/emulator';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/control-error';
import { useApi } from '../../api/use-api';
import { useLiveEvent } from '../../live/use-live';

export interface StandingOrders {
  orders: StandingOrderView[];
  /** The oldest order waiting for the customer's PIN, if any. */
  awaiting: StandingOrderView | undefined;
  error: string | undefined;
  reload: () => void;
}

/**
 * One phone's standing orders, fetched again whenever one of its Ratiba transactions changes (a new
 * request, an answer, a debit) and after a reset or reconnect.
 */
export function useStandingOrders(msisdn: string): StandingOrders {
  const api = useApi();
  const [orders, setOrders] = useState<StandingOrderView[]>([]);
  const [error, setError] = useState<string>();
  const reload = useCallback(() => {
    api.standingOrders(msisdn).then(
      (list) => {
        setOrders(list);
        setError(undefined);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [api, msisdn]);
  useEffect(reload, [reload]);
  useLiveEvent((event) => {
    if (event.type === 'hello' || event.type === 'reset') reload();
    else if (
      event.type === 'transaction' &&
      event.transaction.phone === msisdn &&
      (event.transaction.type === 'standing-order' || event.transaction.type === 'standing-order-debit')
    )
      reload();
  });
  const awaiting = orders
    .filter((o) => o.status === 'awaiting-approval')
    .sort((a, b) => a.createdAt - b.createdAt)[0];
  return { orders, awaiting, error, reload };
}
