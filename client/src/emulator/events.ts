import type { ConformanceResult } from './conformance.js';
import type { FaultRuleView } from './faults.js';
import type { DeliveryView, JournalEntry, TransactionView } from './records.js';
import type { Settings } from './settings.js';
import type { CustomerView, ShortcodeView, SmsView } from './world.js';

/** Everything the live socket (`/_emulator/live`) sends, one JSON object per frame. */
export type LiveEvent =
  | { type: 'hello'; at: number; clock: ClockView }
  | { type: 'transaction'; transaction: TransactionView }
  | { type: 'delivery'; delivery: DeliveryView }
  | { type: 'journal'; entry: JournalEntry }
  | { type: 'customer'; customer: CustomerView }
  | { type: 'shortcode'; shortcode: ShortcodeView }
  | { type: 'sms'; sms: SmsView }
  | { type: 'settings'; settings: Settings }
  | { type: 'clock'; clock: ClockView }
  /** The fault rules after any change to the set (added, replaced, removed, counters restarted on reset). */
  | { type: 'faults'; rules: FaultRuleView[] }
  /** One variant of a callback conformance run, as it finished. */
  | { type: 'conformance'; result: ConformanceResult }
  | { type: 'reset'; at: number };

export type LiveEventType = LiveEvent['type'];

export interface ClockView {
  kind: 'system' | 'manual';
  now: number;
  pending: { id: number; at: number; label: string }[];
}
