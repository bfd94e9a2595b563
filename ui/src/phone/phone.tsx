import type { CustomerView, TransactionView } from 'daraja-client/emulator';
import { useRef, useState } from 'react';
import { errorMessage } from '../api/control-error';
import { useApi } from '../api/use-api';
import { formatAmount, formatBalance, formatMsisdn, formatTime } from '../common/format';
import { useLiveEvent } from '../live/use-live';
import { useLiveList } from '../live/use-live-list';
import { useEmulatorNow } from '../world/use-emulator-now';
import { useWorld } from '../world/world-context';
import { C2bPaymentForm } from './c2b-payment-form';
import { type MenuChoice, MpesaMenu } from './mpesa-menu';
import { OfflineSwitch } from './offline-switch';
import { SmsInbox } from './sms-inbox';
import { type StkAnswer, StkPrompt } from './stk-prompt';

type Screen = 'home' | 'menu' | 'lipa' | MenuChoice;

interface Props {
  customer: CustomerView;
  onClose: () => void;
}

/** One simulated handset: balance, M-PESA menu, SMS inbox, and the STK prompt when an app pushes to it. */
export function Phone({ customer, onClose }: Props) {
  const api = useApi();
  const { shortcodes } = useWorld();
  const now = useEmulatorNow();
  const [screen, setScreen] = useState<Screen>('home');
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string }>();
  const { msisdn } = customer;
  // Each outcome is told once, even though later events (callback delivered) repeat the transaction.
  const told = useRef(new Set<string>());
  const tell = (t: TransactionView) => {
    if (told.current.has(t.id)) return;
    told.current.add(t.id);
    setNotice(outcome(t, merchantName));
  };
  const merchantName = (code: string) => shortcodes.find((s) => s.shortcode === code)?.name ?? code;

  const prompts = useLiveList<TransactionView>(
    {
      load: () => api.transactions({ type: 'stk', status: 'pending', phone: msisdn }),
      key: (t) => t.id,
      pick: (event) =>
        event.type === 'transaction' && event.transaction.type === 'stk' && event.transaction.phone === msisdn
          ? event.transaction
          : undefined,
      keep: (t) => t.status === 'pending',
      // Oldest first: a phone answers prompts in the order they arrived.
      sort: (a, b) => a.createdAt - b.createdAt,
    },
    [api, msisdn],
  );
  const prompt = prompts.items[0];

  // Outcomes decided elsewhere (timeout, automatic answers, the dashboard) are reported on the phone too.
  useLiveEvent((event) => {
    if (event.type !== 'transaction') return;
    const t = event.transaction;
    if (t.type === 'stk' && t.phone === msisdn && t.status !== 'pending') tell(t);
  });

  async function answer(value: StkAnswer) {
    if (!prompt) return;
    try {
      const decided =
        value.kind === 'accept'
          ? await api.stkAccept(prompt.id, value.pin)
          : value.kind === 'decline'
            ? await api.stkDecline(prompt.id)
            : await api.stkTimeout(prompt.id);
      prompts.upsert(decided);
      if (decided.status !== 'pending') tell(decided);
    } catch (error) {
      setNotice({ tone: 'error', text: errorMessage(error) });
    }
  }

  const label = `${customer.name} ${formatMsisdn(msisdn)}`;
  return (
    <article className="phone" aria-label={`Phone of ${label}`} data-msisdn={msisdn}>
      <header className="phone-bar">
        <span>{customer.offline ? 'No network' : 'Safaricom'}</span>
        <span>{now !== undefined ? formatTime(now).slice(0, 5) : ''}</span>
        <button type="button" className="icon-button" aria-label={`Remove phone ${label}`} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="phone-owner">
        <strong>{customer.name}</strong>
        <span>{formatMsisdn(msisdn)}</span>
        <OfflineSwitch customer={customer} />
      </div>
      <div className="phone-screen">
        {prompt ? (
          <StkPrompt
            key={prompt.id}
            transaction={prompt}
            merchantName={merchantName(prompt.shortcode)}
            now={now}
            pinHint={customer.testPin}
            onAnswer={answer}
          />
        ) : (
          <>
            {notice && (
              <p role="status" className={`notice ${notice.tone}`}>
                {notice.text}
                <button
                  type="button"
                  className="icon-button"
                  aria-label="Dismiss"
                  onClick={() => setNotice(undefined)}
                >
                  ×
                </button>
              </p>
            )}
            {screen === 'home' && (
              <>
                <div className="balance">
                  <span>M-PESA balance</span>
                  <output aria-label="M-PESA balance">{formatBalance(customer.balance)}</output>
                </div>
                <button type="button" className="mpesa-button" onClick={() => setScreen('menu')}>
                  M-PESA
                </button>
                <SmsInbox msisdn={msisdn} />
              </>
            )}
            {(screen === 'menu' || screen === 'lipa') && (
              <MpesaMenu
                level={screen === 'menu' ? 'main' : 'lipa'}
                onOpenLipa={() => setScreen('lipa')}
                onChoose={setScreen}
                onBack={() => setScreen(screen === 'lipa' ? 'menu' : 'home')}
              />
            )}
            {(screen === 'pay-bill' || screen === 'buy-goods') && (
              <C2bPaymentForm mode={screen} msisdn={msisdn} onBack={() => setScreen('home')} />
            )}
          </>
        )}
      </div>
    </article>
  );
}

function outcome(
  t: TransactionView,
  merchantName: (code: string) => string,
): { tone: 'ok' | 'error'; text: string } {
  if (t.status === 'completed') {
    return { tone: 'ok', text: `Paid ${formatAmount(t.amount ?? 0)} to ${merchantName(t.shortcode)}.` };
  }
  const desc = t.resultDesc ?? t.decision?.resultDesc ?? 'The payment did not go through.';
  const code = t.resultCode ?? t.decision?.resultCode;
  return { tone: 'error', text: `Not paid: ${desc}${code !== undefined ? ` (result ${code})` : ''}` };
}
