import {
  parseQrPayload,
  type CustomerView,
  type QrPayload,
  type TransactionView,
} from 'daraja-client/emulator';
import { useEffect, useRef, useState } from 'react';
import { errorMessage, isUnreachable } from '../api/control-error';
import { useApi } from '../api/use-api';
import { formatAmount, formatBalance, formatMsisdn, formatTime } from '../common/format';
import { useLiveEvent } from '../live/use-live';
import { QrScanner } from '../qr/qr-scanner';
import { useScanRequests } from '../qr/qr-scan-requests';
import { useEmulatorNow } from '../world/use-emulator-now';
import { useWorld } from '../world/world-context';
import { C2bPaymentForm } from './c2b-payment-form';
import { type MenuChoice, MpesaMenu } from './mpesa-menu';
import { OfflineSwitch } from './offline-switch';
import { SimSwapButton } from './sim-swap-button';
import { SmsInbox } from './sms-inbox';
import { promptMessage, promptOutcome } from './prompt-text';
import { type StkAnswer, StkPrompt } from './stk-prompt';
import { usePendingPrompts } from './use-pending-prompts';
import { BillsList } from './bills/bills-list';
import { type RatibaAnswer, RatibaPrompt } from './ratiba/ratiba-prompt';
import { StandingOrdersList } from './ratiba/standing-orders-list';
import { useStandingOrders } from './ratiba/use-standing-orders';

type Screen = 'home' | 'menu' | 'lipa' | MenuChoice | 'qr-pay';

/** A scanned code the phone can pay: Buy Goods (BG) and Pay Bill (PB) codes. */
interface ScannedPayment {
  mode: 'pay-bill' | 'buy-goods';
  preset: { shortcode: string; amount: number; reference: string };
  /** Counts scans, so that scanning one code again opens a fresh form. */
  scan: number;
}

interface Props {
  customer: CustomerView;
  onClose: () => void;
}

/**
 * One simulated handset: balance, M-PESA menu (with QR scanning), SMS inbox, and the prompt when an app
 * pushes to it: an STK payment, or a B2B Express Checkout on the phone of a till's operator.
 */
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
    setNotice(promptOutcome(t, merchantName));
  };
  const merchantName = (code: string) => shortcodes.find((s) => s.shortcode === code)?.name ?? code;

  const stkPrompts = usePendingPrompts('stk', msisdn);
  const checkoutPrompts = usePendingPrompts('b2b-express-checkout', msisdn);
  // No network, no prompt: an offline phone shows nothing until it is back. STK prompts come first.
  const prompt = customer.offline ? undefined : (stkPrompts.items[0] ?? checkoutPrompts.items[0]);
  const prompts = prompt?.type === 'b2b-express-checkout' ? checkoutPrompts : stkPrompts;
  const ratiba = useStandingOrders(msisdn);
  // One prompt at a time: an app's standing order waits behind a payment prompt.
  const approval = customer.offline || prompt ? undefined : ratiba.awaiting;
  const promptId = prompt?.id;

  const [scanned, setScanned] = useState<ScannedPayment>();
  function openScanned(payload: QrPayload) {
    if (payload.trxCode !== 'BG' && payload.trxCode !== 'PB') {
      setScreen('home');
      setNotice({
        tone: 'error',
        text: `This phone pays tills (BG) and paybills (PB) from QR codes; a ${payload.trxCode} code is not emulated.`,
      });
      return;
    }
    setNotice(undefined);
    setScanned((last) => ({
      scan: (last?.scan ?? 0) + 1,
      mode: payload.trxCode === 'PB' ? 'pay-bill' : 'buy-goods',
      preset: { shortcode: payload.cpi, amount: payload.amount, reference: payload.refNo },
    }));
    setScreen('qr-pay');
  }
  // A code clicked on the dashboard is put in front of this phone's camera.
  const { requests, done } = useScanRequests();
  const scanRequest = requests[msisdn];
  useEffect(() => {
    if (!scanRequest) return;
    done(msisdn);
    const payload = parseQrPayload(scanRequest.text);
    if (payload) openScanned(payload);
    else setNotice({ tone: 'error', text: `Not an M-PESA QR code: it reads "${scanRequest.text}".` });
    // openScanned only sets state; the request's seq is what must trigger a new scan.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scanRequest?.seq, msisdn, done]);

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
    const prompted = t.type === 'stk' || t.type === 'b2b-express-checkout' || t.type === 'standing-order';
    if (prompted && t.phone === msisdn && t.status !== 'pending') tell(t);
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
      const checkout = prompt.type === 'b2b-express-checkout';
      const decided =
        value.kind === 'accept'
          ? await (checkout ? api.expressCheckoutAccept : api.stkAccept)(prompt.id, value.pin)
          : value.kind === 'decline'
            ? await (checkout ? api.expressCheckoutDecline : api.stkDecline)(prompt.id)
            : await (checkout ? api.expressCheckoutTimeout : api.stkTimeout)(prompt.id);
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
        <SimSwapButton msisdn={msisdn} />
      </div>
      <p className="visually-hidden" aria-live="assertive">
        {prompt
          ? prompt.type === 'b2b-express-checkout'
            ? `Payment request on ${customer.name}'s phone: till ${merchantName(prompt.shortcode)} to pay ${formatAmount(prompt.amount ?? 0)} to ${prompt.description ?? ''}. Enter the operator PIN.`
            : `Payment request on ${customer.name}'s phone: pay ${formatAmount(prompt.amount ?? 0)} to ${merchantName(prompt.shortcode)}. Enter the M-PESA PIN.`
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
            {...(prompt.type === 'b2b-express-checkout'
              ? { message: promptMessage(prompt, merchantName), pinLabel: 'Operator PIN' }
              : {})}
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
            {screen === 'scan-qr' && <QrScanner onScanned={openScanned} onBack={() => setScreen('lipa')} />}
            {screen === 'qr-pay' && scanned && (
              <C2bPaymentForm
                key={scanned.scan}
                mode={scanned.mode}
                preset={scanned.preset}
                msisdn={msisdn}
                onBack={() => setScreen('home')}
              />
            )}
          </>
        )}
      </div>
    </article>
  );
}
