import type { TransactionView } from 'daraja-client/emulator';
import { formatAmount } from '../common/format';

/** The question a till operator's phone shows for a B2B Express Checkout push. */
export function promptMessage(t: TransactionView, merchantName: (code: string) => string): string {
  const reference = t.accountReference ? ` for payment reference ${t.accountReference}` : '';
  return `Pay ${formatAmount(t.amount ?? 0)} from till ${merchantName(t.shortcode)} to ${t.description ?? merchantName(t.partyB ?? '')}${reference}? Enter operator PIN`;
}

/** What the phone says once a prompt it showed has ended, however it ended. */
export function promptOutcome(
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
    const payee =
      t.type === 'b2b-express-checkout'
        ? (t.description ?? merchantName(t.partyB ?? ''))
        : merchantName(t.shortcode);
    return { tone: 'ok', text: `Paid ${formatAmount(t.amount ?? 0)} to ${payee}.` };
  }
  const desc = t.resultDesc ?? t.decision?.resultDesc ?? 'The payment did not go through.';
  const code = t.resultCode ?? t.decision?.resultCode;
  return { tone: 'error', text: `Not paid: ${desc}${code !== undefined ? ` (result ${code})` : ''}` };
}
