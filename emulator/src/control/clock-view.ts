import type { ClockView } from 'daraja-client/emulator';
import type { EmulatorControl } from './emulator-control.js';

export function clockView(emulator: Pick<EmulatorControl, 'clock' | 'scheduler'>): ClockView {
  return {
    kind: emulator.clock.kind,
    now: emulator.clock.now(),
    pending: emulator.scheduler.pending(200),
  };
}
