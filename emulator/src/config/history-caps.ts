/**
 * How many records of each kind of history the emulator keeps; beyond a cap the oldest go first. Caps keep
 * the live heap and the data file level however long the emulator runs: with these, about 60 MB of heap is
 * in use after a collection, whether 10,000 or 100,000 STK flows have gone through (docs/reliability.md,
 * "Long runs").
 */
export interface HistoryCaps {
  transactions: number;
  /** Callback deliveries with their attempts. */
  deliveries: number;
  /** Ledger movements (about two per completed payment). */
  movements: number;
  /** SMS messages to phones. */
  messages: number;
  /** Journal entries: one per Daraja request. */
  journal: number;
}

export const DEFAULT_HISTORY: HistoryCaps = {
  transactions: 10_000,
  deliveries: 10_000,
  movements: 25_000,
  messages: 5_000,
  journal: 5_000,
};
