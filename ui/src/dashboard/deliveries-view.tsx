import type { DeliveryView } from 'daraja-client/emulator';
import { useApi } from '../api/use-api';
import { useLiveList } from '../live/use-live-list';
import { DeliveryCard } from './delivery-card';

/** Every callback delivery, newest first. */
export function DeliveriesView() {
  const api = useApi();
  const list = useLiveList<DeliveryView>(
    {
      load: () => api.deliveries(),
      key: (d) => d.id,
      pick: (event) => (event.type === 'delivery' ? event.delivery : undefined),
      sort: (a, b) => b.dueAt - a.dueAt,
      limit: 200,
    },
    [api],
  );
  return (
    <section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Callback deliveries</h2>
      {list.error && <p className="error">{list.error}</p>}
      {!list.loading && list.items.length === 0 && <p className="muted">No callbacks yet.</p>}
      {list.items.map((d) => (
        <DeliveryCard key={d.id} delivery={d} onResent={list.upsert} />
      ))}
    </section>
  );
}
