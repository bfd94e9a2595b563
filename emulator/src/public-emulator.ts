import type { FaultRuleInput, FaultRuleView } from 'daraja-client/emulator';
import type { EmulatorOptions } from './emulator-options.js';
import type { Listening } from './http/listening.js';
import { Emulator } from './emulator.js';
import { emulatorHandle } from './internals.js';

/** The fault rules in force (see docs/faults.md): what `/_emulator/faults` does, from code. */
export interface FaultRulesControl {
  /** Every rule, with how often it matched and fired. */
  list(): FaultRuleView[];
  /** Checks and appends rules; none is added if one is invalid (FaultRuleError). */
  add(rules: FaultRuleInput[]): FaultRuleView[];
  /** Replaces every rule; the counters start again. */
  replace(rules: FaultRuleInput[]): FaultRuleView[];
  /** Removes one rule by id; false when there was none. */
  remove(id: string): boolean;
  /** Removes every rule. */
  clear(): void;
}

/**
 * An emulator built by `createEmulator()`: Daraja's APIs, the control API and the UI, served by `listen()`.
 * Tests in a Node process usually want `startEmulator()` from `daraja-emulator/testing` instead.
 */
export interface DarajaEmulator {
  /** Starts an HTTP server (with the live socket) on `port` (0, the default, picks a free one). */
  listen(port?: number, host?: string): Promise<Listening>;
  /**
   * Starts no new callback, stops servers and timers, waits for callbacks in flight, and closes the store.
   * Callbacks not yet started stay stored and go out after a restart on the same data.
   */
  close(): Promise<void>;
  /** Empties all state and seeds the configured world again; settings are kept. */
  reset(): void;
  /** Manual clock: moves time forward, running everything that falls due; resolves with how much ran. */
  advance(ms: number): Promise<number>;
  /** Manual clock: runs all pending work now; resolves with how much ran. */
  runAll(): Promise<number>;
  /** The emulator's time, in ms since the epoch. */
  now(): number;
  readonly faults: FaultRulesControl;
}

/** Builds an emulator; see EmulatorOptions. It does not listen until `listen()` is called. */
export function createEmulator(options: EmulatorOptions = {}): DarajaEmulator {
  return emulatorHandle(new Emulator(options));
}
