import type { ClockView } from 'daraja-client/emulator';
import type { Emulator } from '../emulator.js';

export function clockView(emulator: Emulator): ClockView {
  return {
    kind: emulator.clock.kind,
    now: emulator.clock.now(),
    pending: emulator.scheduler.pending(200),
  };
}
