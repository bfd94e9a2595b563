/** M-Pesa Ratiba (standing orders): what the emulator cannot learn from Daraja's pages is a setting. */
export interface RatibaSettings {
  /**
   * Which published meaning of `Frequency` applies: `aug-2026` (1 one-off, 2 daily, 3 weekly, 4 bi-weekly,
   * 5 monthly, 6 bi-monthly, 7 quarterly, 8 half-yearly, 9 yearly) or `dec-2025` (no bi-weekly: 4 monthly …
   * 8 yearly).
   */
  frequencyCodes: 'aug-2026' | 'dec-2025';
  /** How long the approval prompt waits for the customer's PIN. */
  promptTimeoutMs: number;
  /** Delay between the customer's answer and the callback. */
  callbackDelayMs: number;
  /**
   * What each scheduled debit sends: `c2b-confirmation` = the receiving shortcode's C2B confirmation (when
   * it registered URLs), as for any customer payment; `none` = nothing (the debit shows in the ledger only).
   */
  debitNotice: 'c2b-confirmation' | 'none';
  /** Hour of the day (EAT) at which a due debit runs. */
  debitHourEat: number;
}

/** Bill Manager: settings for what Daraja's pages leave open. */
export interface BillManagerSettings {
  /** Extra attempts of a payment push that failed (the portal says up to 5), spaced by callbacks.retryDelayMs. */
  paymentRetries: number;
  /** Delay between the customer's payment and the push to the biller. */
  paymentDelayMs: number;
}
