/**
 * M-Pesa's money rules on the emulator's ledger: customer wallet limits and transaction charges. Defaults
 * follow Safaricom's published limits and tariffs (docs/money-rules.md gives the sources); 0 turns a limit
 * off.
 */
export interface MoneySettings {
  /** Largest single payment a customer may make (C2B, STK); result 3 above it. Ksh 250 000 since 2024. */
  customerPerTransactionKsh: number;
  /** What a customer may pay and receive in one East Africa Time day; result 4 past it. Ksh 500 000. */
  customerDailyKsh: number;
  /** Largest wallet balance; a payment to a customer that would pass it gets result 8. Ksh 500 000. */
  customerMaxBalanceKsh: number;
  /**
   * B2C and B2Pochi charges, paid by the business from its Charges Paid Account: `tariff` = M-Pesa's bulk
   * payment bands (Ksh 0 to 100 free, then 5, 9, 11, 12), `none` = free. A `b2c.chargeKsh` above 0 is a
   * flat charge instead.
   */
  b2cCharges: 'tariff' | 'none';
  /**
   * The Pay Bill tariff of every paybill (C2B and STK payments to paybills): `none` (no charges, the
   * default: which tariff a paybill has is its own contract), `mgao` (customer and business share),
   * `business-bouquet` (the customer pays all) or `customer-bouquet` (the business pays all).
   */
  paybillTariff: 'none' | 'mgao' | 'business-bouquet' | 'customer-bouquet';
}

export const PAYBILL_TARIFFS = ['none', 'mgao', 'business-bouquet', 'customer-bouquet'] as const;

/** The account charges are paid to: M-Pesa's own, shown on the dashboard beside the businesses. */
export interface OperatorAccountView {
  name: string;
  /** Shillings collected in charges. */
  balance: number;
}
