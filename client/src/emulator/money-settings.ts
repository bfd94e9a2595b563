import type { Settings } from './settings/settings-schema.js';

export { PAYBILL_TARIFFS } from './settings/money.js';

/**
 * M-Pesa's money rules on the emulator's ledger: customer wallet limits and transaction charges
 * (declared in settings/money.ts; docs/money-rules.md gives the sources).
 */
export type MoneySettings = Settings['money'];

/** The account charges are paid to: M-Pesa's own, shown on the dashboard beside the businesses. */
export interface OperatorAccountView {
  name: string;
  /** Shillings collected in charges. */
  balance: number;
}
