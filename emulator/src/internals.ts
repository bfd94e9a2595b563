/**
 * The services behind a `DarajaEmulator` or a `TestEmulator`, for this repository's own tests and tools.
 * The package does not export this module: its users see only the public handles.
 */
import type { FaultRuleInput } from 'daraja-client/emulator';
import type { DarajaEmulator } from './public-emulator.js';
import type { TestEmulator } from './testing/start-emulator.js';
import type { Emulator } from './emulator.js';

export { Emulator, type EmulatorOptions, type Listening } from './emulator.js';

/** The emulator behind each public handle. */
const behind = new WeakMap<object, Emulator>();

/** Records the emulator behind a public handle (a DarajaEmulator or a TestEmulator). */
export function attachInternals(handle: object, emulator: Emulator): void {
  behind.set(handle, emulator);
}

/** The emulator behind a handle made by `createEmulator()` or `startEmulator()`. */
export function internalsOf(handle: DarajaEmulator | TestEmulator): Emulator {
  const emulator = behind.get(handle);
  if (!emulator) throw new TypeError('Not an emulator made by createEmulator() or startEmulator().');
  return emulator;
}

/** The public handle of an emulator: what `createEmulator()` returns. */
export function emulatorHandle(emulator: Emulator): DarajaEmulator {
  const rules = emulator.faults.rules;
  const handle: DarajaEmulator = Object.freeze({
    listen: (port?: number, host?: string) => emulator.listen(port, host),
    close: () => emulator.close(),
    reset: () => emulator.reset(),
    advance: (ms: number) => emulator.advance(ms),
    runAll: () => emulator.runAll(),
    now: () => emulator.clock.now(),
    faults: Object.freeze({
      list: () => rules.list(),
      add: (input: FaultRuleInput[]) => rules.add(input),
      replace: (input: FaultRuleInput[]) => rules.replace(input),
      remove: (id: string) => rules.remove(id),
      clear: () => rules.clear(),
    }),
  });
  attachInternals(handle, emulator);
  return handle;
}
