import type { ClockView, CustomerView, ShortcodeView, TransactionView } from 'daraja-client/emulator';
import { createContext, useContext } from 'react';

/** The emulator clock as last reported, and when (browser performance time) the report arrived. */
export interface ClockReading {
  view: ClockView;
  receivedAt: number;
}

/** What many screens share: the customers (phones), the businesses, and the emulator clock. */
export interface World {
  customers: CustomerView[];
  shortcodes: ShortcodeView[];
  clock: ClockReading | undefined;
  /** Open STK and Express Checkout prompts that reached their phone (oldest first): the phones ringing now. */
  ringing: TransactionView[];
  /** Puts a customer the UI just created or changed into the list before its live event arrives. */
  upsertCustomer: (customer: CustomerView) => void;
  setClock: (view: ClockView) => void;
}

export const WorldContext = createContext<World | undefined>(undefined);

export function useWorld(): World {
  const world = useContext(WorldContext);
  if (!world) throw new Error('useWorld needs a <WorldProvider>');
  return world;
}

/** The emulator's time now: a manual clock stands still between reports; a system clock runs on. */
export function emulatorNow(clock: ClockReading | undefined, performanceNow: number): number | undefined {
  if (!clock) return undefined;
  if (clock.view.kind === 'manual') return clock.view.now;
  return clock.view.now + (performanceNow - clock.receivedAt);
}
