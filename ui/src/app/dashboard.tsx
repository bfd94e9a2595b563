import { ConformanceView } from '../conformance/conformance-view';
import { BusinessesView } from '../dashboard/businesses-view';
import { DeliveriesView } from '../dashboard/deliveries-view';
import { JournalView } from '../dashboard/journal-view';
import { SettingsView } from '../dashboard/settings-view';
import { TransactionStory } from '../dashboard/transaction-story';
import { TransactionsView } from '../dashboard/transactions-view';
import { FaultsView } from '../faults/faults-view';
import type { Route } from './use-hash-route';

/** The dashboard pane: whichever view the route names (on wide screens, transactions beside the phones). */
export function Dashboard({ route }: { route: Route }) {
  switch (route.view) {
    case 'journal':
      return <JournalView />;
    case 'deliveries':
      return <DeliveriesView selected={route.id} />;
    case 'faults':
      return <FaultsView />;
    case 'businesses':
      return <BusinessesView />;
    case 'settings':
      return <SettingsView />;
    case 'conformance':
      return <ConformanceView />;
    default:
      return route.id ? <TransactionStory id={route.id} /> : <TransactionsView q={route.q} />;
  }
}
