import type { StandingOrderView } from 'daraja-client/emulator';
import { useState } from 'react';
import { errorMessage } from '../../api/control-error';
import { useApi } from '../../api/use-api';
import { formatAmount, formatDateTime } from '../../common/format';
import { frequencyLabel, ymdLabel } from './frequency-label';

interface Props {
  orders: StandingOrderView[];
  merchantName: (shortcode: string) => string;
  onChanged: () => void;
  onBack: () => void;
}

const STATUS: Record<StandingOrderView['status'], string> = {
  'awaiting-approval': 'Waiting for your PIN',
  active: 'Active',
  'not-created': 'Not created',
  stopped: 'Stopped',
  ended: 'Ended',
};

/** M-PESA's "My Standing Orders": each order, its next debit and what it has paid; active ones can be stopped. */
export function StandingOrdersList({ orders, merchantName, onChanged, onBack }: Props) {
  const api = useApi();
  const [error, setError] = useState<string>();
  const shown = orders.filter((o) => o.status !== 'not-created');

  async function stop(order: StandingOrderView) {
    setError(undefined);
    try {
      await api.stopStandingOrder(order.id);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="standing-orders" aria-label="Standing orders">
      <h3>Standing orders (Ratiba)</h3>
      {shown.length === 0 && <p className="muted">No standing orders.</p>}
      <ul>
        {shown.map((o) => (
          <li key={o.id} aria-label={`Standing order ${o.name}`}>
            <strong>{o.name}</strong>: {formatAmount(o.amount)} to {merchantName(o.shortcode)}{' '}
            {frequencyLabel(o.frequency)}, {ymdLabel(o.startDate)}–{ymdLabel(o.endDate)}
            <div className="muted">
              {STATUS[o.status]}; paid {o.paidCount} time{o.paidCount === 1 ? '' : 's'}
              {o.failedCount > 0 ? `, ${o.failedCount} failed` : ''}
              {o.status === 'active' && o.nextAt !== undefined ? `; next ${formatDateTime(o.nextAt)}` : ''}
            </div>
            {o.status === 'active' && (
              <button type="button" className="secondary" onClick={() => void stop(o)}>
                Stop {o.name}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && <p role="alert">{error}</p>}
      <button type="button" className="secondary" onClick={onBack}>
        Back
      </button>
    </section>
  );
}
