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
  /**
   * Customers added on the fly for phones the emulator had not seen; the least recently active are
   * forgotten first. Configured customers, and those added through the control API, are always kept.
   */
  customers: number;
}

export const DEFAULT_HISTORY: HistoryCaps = {
  transactions: 5_000,
  deliveries: 5_000,
  movements: 12_500,
  messages: 2_500,
  journal: 2_500,
  customers: 5_000,
};

export const HISTORY_KINDS = Object.keys(DEFAULT_HISTORY) as (keyof HistoryCaps)[];

/**
 * Checks caps given in a config file (`history: { transactions: 20000 }`) or on the command line; throws
 * an Error naming `source` and the problem.
 */
export function checkHistoryCaps(value: unknown, source: string): Partial<HistoryCaps> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${source} must be an object of history caps (${HISTORY_KINDS.join(', ')}).`);
  }
  const caps: Partial<HistoryCaps> = {};
  for (const [kind, cap] of Object.entries(value)) {
    if (!(HISTORY_KINDS as string[]).includes(kind)) {
      throw new Error(`${source}: unknown history "${kind}" (known: ${HISTORY_KINDS.join(', ')}).`);
    }
    if (typeof cap !== 'number' || !Number.isInteger(cap) || cap < 1) {
      throw new Error(`${source}: ${kind} must be a whole number of at least 1, not ${JSON.stringify(cap)}.`);
    }
    caps[kind as keyof HistoryCaps] = cap;
  }
  return caps;
}

/** Reads `--history transactions=20000,journal=1000` (the option may also be repeated). */
export function parseHistoryOption(texts: string[]): Partial<HistoryCaps> {
  const pairs: Record<string, unknown> = {};
  for (const part of texts.flatMap((t) => t.split(','))) {
    const [kind, count, ...extra] = part.split('=').map((p) => p.trim());
    if (!kind || count === undefined || count === '' || extra.length > 0) {
      throw new Error(`--history takes <kind>=<count>, not "${part}" (kinds: ${HISTORY_KINDS.join(', ')}).`);
    }
    pairs[kind] = /^\d+$/.test(count) ? Number(count) : count;
  }
  return checkHistoryCaps(pairs, '--history');
}
