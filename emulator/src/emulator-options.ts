import type { FaultRuleInput, SettingsPatch } from 'daraja-client/emulator';
import type { Clock } from './time/clock.js';
import type { Timers } from './time/timers.js';
import type { HistoryCaps } from './config/history-caps.js';
import type { Store } from './store/store.js';
import type { Random } from './ids/random.js';
import type { WorldInput } from './config/world.js';
import type { HttpPoster } from './callbacks/http-post.js';
import type { SecurityKeys } from './security/security-keys.js';
import type { ConnectionLimits } from './http/connection-limits.js';

/** What `createEmulator()` takes; every field has a default. */
export interface EmulatorOptions {
  /** `system` (default), `manual` (virtual time), or a clock of your own. */
  clock?: 'system' | 'manual' | Clock;
  /** `memory` (default) or an opened store (see openStore). */
  store?: 'memory' | Store;
  settings?: SettingsPatch;
  /** Apps, shortcodes and customers laid over the default sandbox world (`includeDefaults: false` drops it). */
  world?: WorldInput;
  /** Seed for every random choice (ids, receipts): the same seed and requests give the same results. */
  seed?: number | string;
  random?: Random;
  /** How callbacks are sent; tests may capture them instead. */
  poster?: HttpPoster;
  timers?: Timers;
  /** Folder of the built UI served at `/`; false serves none. Defaults to the UI inside the package. */
  uiDir?: string | false;
  /** Required in the x-emulator-token header (and ?token= on the live socket) when set. */
  adminToken?: string;
  /** Origins allowed to call the control API and the live socket from a browser, besides the emulator's own. */
  corsOrigins?: string[];
  /**
   * Host names requests may be addressed to besides loopback names, the addresses the emulator listens on
   * and Safaricom's names (see HostAllowList); `*` allows any.
   */
  allowedHosts?: string[];
  bodyLimitBytes?: number;
  /**
   * How many transactions, deliveries, movements, messages, journal entries and walk-in customers to keep
   * (see DEFAULT_HISTORY).
   */
  history?: Partial<HistoryCaps>;
  /** Daraja requests wait while more callbacks than this are due and not yet sent (default 5,000). */
  callbackBacklogLimit?: number;
  log?: (line: string) => void;
  /** The SecurityCredential key pair (PEM); by default generated, and kept beside a data file. */
  securityKeys?: SecurityKeys;
  /** Fault rules in force from the start (see docs/faults.md); invalid rules throw a FaultRuleError. */
  faults?: FaultRuleInput[];
  /** Header and request deadlines and the cap on open connections (see DEFAULT_CONNECTION_LIMITS). */
  connections?: Partial<ConnectionLimits>;
}
