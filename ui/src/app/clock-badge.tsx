import { formatDateTime } from '../common/format';
import { useWorld } from '../world/world-context';
import { routeHref } from './use-hash-route';

/** Under the manual clock, time stands still until someone moves it: the header says so, and where. */
export function ClockBadge() {
  const { clock } = useWorld();
  if (clock?.view.kind !== 'manual') return null;
  return (
    <a className="clock-badge" href={routeHref('settings')}>
      Time frozen at {formatDateTime(clock.view.now)} (manual clock)
    </a>
  );
}
