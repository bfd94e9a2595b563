import type { CustomerView, TransactionView } from 'daraja-client/emulator';
import { useEffect, useRef, useState } from 'react';
import { errorMessage, isUnreachable } from '../api/control-error';
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
import { BillsList } from './bills/bills-list';
import { type RatibaAnswer, RatibaPrompt } from './ratiba/ratiba-prompt';
import { StandingOrdersList } from './ratiba/standing-orders-list';
import { useStandingOrders } from './ratiba/use-standing-orders';

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
  /** Why the last answer to the open prompt did not go through (shown on the prompt itself). */
  const [answerError, setAnswerError] = useState<string>();
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const screenRef = useRef<HTMLDivElement>(null);
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
      // A prompt that never reached the phone (it was offline) is not on it.
      keep: (t) => t.status === 'pending' && !t.unreachable,
      // Oldest first: a phone answers prompts in the order they arrived.
      sort: (a, b) => a.createdAt - b.createdAt,
    },
    [api, msisdn],
  );
  // No network, no prompt: an offline phone shows nothing until it is back.
  const prompt = customer.offline ? undefined : prompts.items[0];
  const promptId = prompt?.id;
  const ratiba = useStandingOrders(msisdn);
  // One prompt at a time: an app's standing order waits behind an STK prompt.
  const approval = customer.offline || prompt ? undefined : ratiba.awaiting;

  // A new prompt replaces whatever the last one left on the screen.
  useEffect(() => {
    if (promptId === undefined) return;
    setNotice(undefined);
    setAnswerError(undefined);
  }, [promptId]);

  // Outcomes decided elsewhere (timeout, automatic answers, the dashboard) are reported on the phone too.
  useLiveEvent((event) => {
    // Back in touch with the emulator: "could not reach it" no longer applies.
    if (event.type === 'hello') setAnswerError(undefined);
    if (event.type !== 'transaction') return;
    const t = event.transaction;
    if (t.type === 'stk' && t.phone === msisdn && t.status !== 'pending') tell(t);
    if (t.type === 'standing-order' && t.phone === msisdn && t.status !== 'pending') tell(t);
  });

  async function answerOrder(value: RatibaAnswer) {
    if (!approval) return;
    setAnswerError(undefined);
    try {
      const decided =
        value.kind === 'accept'
          ? await api.ratibaAccept(approval.transactionId, value.pin)
          : value.kind === 'decline'
            ? await api.ratibaDecline(approval.transactionId)
            : await api.ratibaTimeout(approval.transactionId);
      tell(decided);
      ratiba.reload();
      requestAnimationFrame(() => (noticeRef.current ?? screenRef.current)?.focus());
    } catch (error) {
      setAnswerError(errorMessage(error));
      ratiba.reload();
    }
  }

  async function answer(value: StkAnswer) {
    if (!prompt) return;
    setAnswerError(undefined);
    try {
      const decided =
        value.kind === 'accept'
          ? await api.stkAccept(prompt.id, value.pin)
          : value.kind === 'decline'
            ? await api.stkDecline(prompt.id)
            : await api.stkTimeout(prompt.id);
      prompts.upsert(decided);
      if (decided.status !== 'pending') tell(decided);
      // The prompt is gone; the keyboard goes to what replaced it, never to the page's start.
      requestAnimationFrame(() => (noticeRef.current ?? screenRef.current)?.focus());
    } catch (error) {
      setAnswerError(
        isUnreachable(error) ? `Not sent. ${errorMessage(error)}` : `Not accepted: ${errorMessage(error)}`,
      );
      // The prompt may have ended meanwhile (timed out): fetch what is open now.
      if (!isUnreachable(error)) prompts.reload();
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
      <p className="visually-hidden" aria-live="assertive">
        {prompt
          ? `Payment request on ${customer.name}'s phone: pay ${formatAmount(prompt.amount ?? 0)} to ${merchantName(prompt.shortcode)}. Enter the M-PESA PIN.`
          : ''}
      </p>
      <div
        className="phone-screen"
        ref={screenRef}
        tabIndex={-1}
        aria-label={`Screen of ${customer.name}'s phone`}
      >
        {prompt ? (
          <StkPrompt
            key={prompt.id}
            transaction={prompt}
            merchantName={merchantName(prompt.shortcode)}
            now={now}
            pinHint={customer.testPin}
            error={answerError}
            onAnswer={answer}
          />
        ) : approval ? (
          <RatibaPrompt
            key={approval.id}
            order={approval}
            merchantName={merchantName(approval.shortcode)}
            pinHint={customer.testPin}
            error={answerError}
            onAnswer={answerOrder}
          />
        ) : (
          <>
            {notice && (
              <p role="status" className={`notice ${notice.tone}`} ref={noticeRef} tabIndex={-1}>
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
            {screen === 'bills' && <BillsList msisdn={msisdn} onBack={() => setScreen('home')} />}
            {screen === 'standing-orders' && (
              <StandingOrdersList
                orders={ratiba.orders}
                merchantName={merchantName}
                onChanged={ratiba.reload}
                onBack={() => setScreen('home')}
              />
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
  if (t.type === 'standing-order') {
    const code = t.resultCode ?? t.decision?.resultCode;
    return t.status === 'completed'
      ? {
          tone: 'ok',
          text: `Standing order approved: ${formatAmount(t.amount ?? 0)} to ${merchantName(t.shortcode)}.`,
        }
      : {
          tone: 'error',
          text: `Standing order not created: ${t.resultDesc ?? 'declined'} (result ${code ?? '?'})`,
        };
  }
  if (t.status === 'completed') {
    return { tone: 'ok', text: `Paid ${formatAmount(t.amount ?? 0)} to ${merchantName(t.shortcode)}.` };
  }
  const desc = t.resultDesc ?? t.decision?.resultDesc ?? 'The payment did not go through.';
  const code = t.resultCode ?? t.decision?.resultCode;
  return { tone: 'error', text: `Not paid: ${desc}${code !== undefined ? ` (result ${code})` : ''}` };
}
