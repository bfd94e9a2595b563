import type { TransactionView } from 'daraja-client/emulator';
import type { ReactNode } from 'react';
import { formatAmount, formatCountdown } from '../common/format';
import { PinPrompt, type PromptAnswer } from './pin-prompt';

export type StkAnswer = PromptAnswer;

interface Props {
  transaction: TransactionView;
  merchantName: string;
  /** The emulator's time, when known; the countdown runs on it, not on the browser's clock. */
  now: number | undefined;
  /** The test customer's PIN, shown so that a person trying the emulator knows what to type. */
  pinHint?: string | undefined;
  /** Why the last answer did not go through. */
  error?: string | undefined;
  onAnswer: (answer: StkAnswer) => Promise<void>;
  /** The prompt's question, when it is not an STK payment's (a till operator's USSD push, say). */
  message?: ReactNode;
  /** What the PIN field asks for; the customer's M-PESA PIN by default. */
  pinLabel?: string;
}

/** The SIM-toolkit pop-up a customer sees after an app's STK push: the amount, the payee, a PIN field. */
export function StkPrompt({ transaction, merchantName, now, message, ...rest }: Props) {
  // A system clock is estimated from the last report, a few ms behind; never show more than the whole timeout.
  const left =
    transaction.expiresAt !== undefined && now !== undefined
      ? Math.min(transaction.expiresAt - now, transaction.expiresAt - transaction.createdAt)
      : undefined;
  const reference = transaction.accountReference ? ` account no ${transaction.accountReference}` : '';
  return (
    <PinPrompt
      {...rest}
      message={
        message ?? (
          <>
            Do you want to pay {formatAmount(transaction.amount ?? 0)} to {merchantName}
            {reference}? Enter M-PESA PIN
          </>
        )
      }
      footer={
        left !== undefined && (
          <p className="stk-countdown" aria-live="off">
            {left > 0 ? `Expires in ${formatCountdown(left)}` : 'Timing out…'}
          </p>
        )
      }
    />
  );
}
