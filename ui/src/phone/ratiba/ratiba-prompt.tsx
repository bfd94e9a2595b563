import type { StandingOrderView } from 'daraja-client/emulator';
import { formatAmount } from '../../common/format';
import { PinPrompt, type PromptAnswer } from '../pin-prompt';
import { frequencyLabel, ymdLabel } from './frequency-label';

export type RatibaAnswer = PromptAnswer;

interface Props {
  order: StandingOrderView;
  merchantName: string;
  pinHint?: string | undefined;
  error?: string | undefined;
  onAnswer: (answer: RatibaAnswer) => Promise<void>;
}

/** The M-PESA prompt asking the customer to approve an app's standing order (M-Pesa Ratiba) with their PIN. */
export function RatibaPrompt({ order, merchantName, ...rest }: Props) {
  const account = order.kind === 'paybill' ? ` account ${order.accountReference}` : '';
  return (
    <PinPrompt
      {...rest}
      message={
        <>
          Approve standing order {order.name}: pay {formatAmount(order.amount)} to {merchantName}
          {account} {frequencyLabel(order.frequency)} from {ymdLabel(order.startDate)} to{' '}
          {ymdLabel(order.endDate)}? Enter M-PESA PIN
        </>
      }
    />
  );
}
