/**
 * How many records of each kind of history the emulator keeps; beyond a cap the oldest go first. Caps keep
 * the live heap and the data file level however long the emulator runs. With these, about 33 MB of heap is
 * in use after a full collection (10 MB of it the emulator itself), whether 10,000 or 1,000,000 STK flows
 * have gone through, and the data file stays about 30 MB (docs/reliability.md, "Long runs").
 *
 * They were twice as high. Under a steady load V8 lets the heap grow to about four times what survives a
 * collection, so every MB kept costs about 4 MB of resident memory: at the old caps a busy emulator held
 * about 300 MB, at these about 230 MB.
 */
export interface HistoryCaps {
  transactions: number;
  /** Callback deliveries with their attempts. */
  deliveries: number;
  /** Ledger movements (one or two per completed payment). */
  movements: number;
  /** SMS messages to phones. */
  messages: number;
  /** Journal entries: one per Daraja request. */
  journal: number;
}

export const DEFAULT_HISTORY: HistoryCaps = {
  transactions: 5_000,
  deliveries: 5_000,
  movements: 12_500,
  messages: 2_500,
  journal: 2_500,
};
