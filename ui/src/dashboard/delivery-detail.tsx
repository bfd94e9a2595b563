import type { DeliveryView } from 'daraja-client/emulator';
import { useApi } from '../api/use-api';
import { deliveryFresher } from '../live/freshness';
import { useLiveList } from '../live/use-live-list';
import { DeliveryCard } from './delivery-card';

/** One delivery in full, kept current by live events, for the detail pane. */
export function DeliveryDetail({ id, onResent }: { id: string; onResent: (d: DeliveryView) => void }) {
  const api = useApi();
  const one = useLiveList<DeliveryView>(
    {
      load: async () => [await api.delivery(id)],
      key: (d) => d.id,
      pick: (event) => (event.type === 'delivery' && event.delivery.id === id ? event.delivery : undefined),
      fresher: deliveryFresher,
    },
    [api, id],
  );
  const d = one.items[0];
  if (one.error) return <p className="error">{one.error}</p>;
  if (!d) return null;
  return (
    <DeliveryCard
      delivery={d}
      onResent={(again) => {
        one.upsert(again);
        onResent(again);
      }}
    />
  );
}
