import { PhonesPanel } from '../phone/phones-panel';
import { ShownPhonesProvider, useShown } from '../phone/shown-phones';
import { ScanRequestsProvider } from '../qr/qr-scan-requests';
import { useWorld } from '../world/world-context';
import { ClockBadge } from './clock-badge';
import { Dashboard } from './dashboard';
import { FindBox } from './find-box';
import { HealthBanner } from './health-banner';
import { LiveIndicator } from './live-indicator';
import { RingingBar } from './ringing-bar';
import { routeHref, useHashRoute, type View } from './use-hash-route';

const tabs: { view: View; label: string }[] = [
  { view: 'phones', label: 'Phones' },
  { view: 'transactions', label: 'Transactions' },
  { view: 'journal', label: 'Journal' },
  { view: 'deliveries', label: 'Callbacks' },
  { view: 'faults', label: 'Faults' },
  { view: 'businesses', label: 'Businesses' },
  { view: 'settings', label: 'Settings' },
  { view: 'conformance', label: 'Conformance' },
];

/** Phones on the left, the dashboard on the right; on a narrow screen one at a time, chosen from the tabs. */
export function App() {
  return (
    <ShownPhonesProvider>
      <ScanRequestsProvider>
        <Shell />
      </ScanRequestsProvider>
    </ShownPhonesProvider>
  );
}

function Shell() {
  const route = useHashRoute();
  return (
    <div className="app" data-view={route.view}>
      <header className="top-bar">
        <h1>Daraja emulator</h1>
        <LiveIndicator />
        <ClockBadge />
        <FindBox />
        <nav aria-label="Views">
          <ul>
            {tabs.map((tab) => (
              <li key={tab.view} className={tab.view === 'phones' ? 'tab-phones' : undefined}>
                <a href={routeHref(tab.view)} aria-current={route.view === tab.view ? 'page' : undefined}>
                  {tab.label}
                  {tab.view === 'phones' && <PhonesBadge />}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <RingingBar view={route.view} />
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

/** How many phones ring and how many SMS wait unread on phones not on screen. */
function PhonesBadge() {
  const { ringing } = useWorld();
  const { unread } = useShown();
  const unreadCount = Object.values(unread).reduce((sum, n) => sum + n, 0);
  const parts = [
    ringing.length > 0 ? `${ringing.length} ringing` : '',
    unreadCount > 0 ? `${unreadCount} unread` : '',
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <span className="tab-badge"> ({parts.join(', ')})</span>;
}
