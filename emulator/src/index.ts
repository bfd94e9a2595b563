export { Emulator, createEmulator, type EmulatorOptions, type Listening } from './emulator.js';
export { ManualClock, SystemClock, type Clock } from './time/clock.js';
export { seededRandom, type Random } from './ids/random.js';
export type { HttpPoster, PostResult } from './callbacks/http-post.js';
export type { Store } from './store/store.js';
export { MemoryStore } from './store/memory-store.js';
export {
  defaultSettings,
  defaultWorld,
  SANDBOX_PASSKEY,
  SANDBOX_SHORTCODE,
  SANDBOX_MSISDN,
  DEFAULT_PORT,
} from './config/defaults.js';
