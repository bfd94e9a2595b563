import { formatAmount, formatMsisdn } from '../common/format';
import { useShown } from '../phone/shown-phones';
import { useWorld } from '../world/world-context';
import { routeHref, type View } from './use-hash-route';

/**
 * The phones ringing now that the user may not see: on a narrow screen, any ringing phone while another
 * view is open; on a wide one, a ringing phone that is not on screen. One click brings it up.
 */
export function RingingBar({ view }: { view: View }) {
  const { ringing, customers } = useWorld();
  const { shown, show } = useShown();
  const hidden = ringing.filter((t) => !shown.includes(t.phone ?? '') || view !== 'phones');
  if (hidden.length === 0) return null;
  return (
    <aside className="ringing-bar" aria-label="Ringing phones">
      <ul>
        {hidden.map((t) => {
          const phone = t.phone ?? '';
          const name = customers.find((c) => c.msisdn === phone)?.name ?? formatMsisdn(phone);
          return (
            <li key={t.id} className={shown.includes(phone) ? 'on-screen' : undefined}>
              <span aria-hidden="true">☎</span> {name} is asked to pay {formatAmount(t.amount ?? 0)}
              <a
                href={routeHref('phones')}
                onClick={() => show(phone)}
                aria-label={`Answer on ${name}'s phone`}
              >
                Answer
              </a>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
