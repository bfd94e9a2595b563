import type { ApiContext } from '../apis/api-context.js';
import type { ApiModule } from '../apis/api-module.js';

/**
 * What the emulator-wide control routes, scenarios and state documents may use of an emulator: its shared
 * parts, its API modules' hooks and its lifecycle. Each function takes only the members it names.
 */
export interface EmulatorControl extends Pick<
  ApiContext,
  | 'clock'
  | 'scheduler'
  | 'store'
  | 'ids'
  | 'settings'
  | 'events'
  | 'world'
  | 'ledger'
  | 'transactions'
  | 'messages'
  | 'outbox'
  | 'journal'
  | 'faults'
> {
  readonly apis: readonly ApiModule[];
  /** Empties all state and seeds the world again; settings are kept. */
  reset(): void;
  /** Manual clock: moves time forward, running what falls due. */
  advance(ms: number): Promise<number>;
  /** Manual clock: runs all pending work now. */
  runAll(): Promise<number>;
}
