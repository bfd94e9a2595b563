import { C2BRejectCodes, type ResultCodeEntry } from 'daraja-client/wire';

/**
 * How a C2B payment ended, as the control API's TransactionView shows it. Daraja sends no result for C2B
 * (the app learns of a payment only through the confirmation), so these are the emulator's words, with
 * M-Pesa's codes where M-Pesa has one.
 */
export const C2bResult = {
  success: { code: 0, desc: 'The service request is processed successfully.' },
  insufficientFunds: { code: 1, desc: 'The balance is insufficient for the transaction.' },
  wrongPin: { code: 2001, desc: 'You have entered the wrong PIN.' },
  unknownShortcode: { code: 'C2B00015', desc: 'Invalid Shortcode' },
  /** The ValidationURL did not answer in time (or could not be reached) and ResponseType is Cancelled. */
  validationUnanswered: {
    code: 'C2B00016',
    desc: 'Cancelled: the ValidationURL did not answer in time and the registered ResponseType is Cancelled.',
  },
} as const satisfies Record<string, ResultCodeEntry>;

/** The outcome of a merchant's rejection: Daraja's description for its own codes, else the merchant's words. */
export function rejection(code: string, merchantDesc: string | undefined): ResultCodeEntry {
  const known = (C2BRejectCodes as Record<string, string>)[code];
  return { code, desc: known ?? (merchantDesc && merchantDesc.trim() ? merchantDesc : 'Rejected') };
}
