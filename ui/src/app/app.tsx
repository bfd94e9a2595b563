import { PhonesPanel } from '../phone/phones-panel';
import { Dashboard } from './dashboard';
import { HealthBanner } from './health-banner';
import { LiveIndicator } from './live-indicator';
import { routeHref, useHashRoute, type View } from './use-hash-route';

const tabs: { view: View; label: string }[] = [
  { view: 'phones', label: 'Phones' },
  { view: 'transactions', label: 'Transactions' },
  { view: 'journal', label: 'Journal' },
  { view: 'deliveries', label: 'Callbacks' },
  { view: 'faults', label: 'Faults' },
  { view: 'businesses', label: 'Businesses' },
  { view: 'settings', label: 'Settings' },
];

/** Phones on the left, the dashboard on the right; on a narrow screen one at a time, chosen from the tabs. */
export function App() {
  const route = useHashRoute();
  return (
    <div className="app" data-view={route.view}>
      <header className="top-bar">
        <h1>Daraja emulator</h1>
        <LiveIndicator />
        <nav aria-label="Views">
          <ul>
            {tabs.map((tab) => (
              <li key={tab.view} className={tab.view === 'phones' ? 'tab-phones' : undefined}>
                <a href={routeHref(tab.view)} aria-current={route.view === tab.view ? 'page' : undefined}>
                  {tab.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <HealthBanner />
      <main className="layout">
        <div className="phones-pane">
          <PhonesPanel />
        </div>
        <div className="dashboard-pane">
          <Dashboard route={route} />
        </div>
      </main>
    </div>
  );
}
