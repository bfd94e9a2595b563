export { createEmulator, type DarajaEmulator, type FaultRulesControl } from './public-emulator.js';
export type { EmulatorOptions } from './emulator-options.js';
export type { Listening } from './http/listening.js';
export { ManualClock, SystemClock, type Clock } from './time/clock.js';
export { seededRandom, type Random } from './ids/random.js';
export type { HttpPoster, PostResult } from './callbacks/http-post.js';
export { StoreOpenError, type Store } from './store/store.js';
export { MemoryStore } from './store/memory-store.js';
export { openStore, type OpenStoreOptions, type FileStoreOptions } from './store/open-store.js';
export { FaultRuleError } from './faults/validate-rule.js';
// The rule shapes live with the other control-API types; re-exported so `createEmulator({ faults })` users
// need only this package.
export type {
  DelaySpec,
  FaultEffect,
  FaultEffectType,
  FaultErrorName,
  FaultMatch,
  FaultRuleInput,
  FaultRuleView,
  FaultStage,
  HttpFaultEffect,
  BusinessFaultEffect,
} from 'daraja-client/emulator';
export {
  defaultSettings,
  defaultWorld,
  SANDBOX_PASSKEY,
  SANDBOX_SHORTCODE,
  SANDBOX_MSISDN,
  DEFAULT_PORT,
} from './config/defaults.js';
