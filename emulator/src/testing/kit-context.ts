import type { DarajaEmulator } from '../public-emulator.js';

/** What the phone and customer handles share with the kit that made them. */
export interface KitContext {
  /** The emulator the kit started (its services through internalsOf). */
  readonly emulator: DarajaEmulator;
  /** Base URL of the emulator's HTTP server. */
  readonly url: string;
  /** Headers every control-API call needs (the admin token, when set). */
  readonly controlHeaders: Record<string, string>;
  /** Runs work that is already due, so callbacks with no delay go out before a helper returns. */
  flush(): Promise<void>;
}
