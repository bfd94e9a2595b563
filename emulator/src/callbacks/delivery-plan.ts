import type { DeliveryKind, DeliveryView } from 'daraja-client/emulator';

/** What a service asks the outbox to send. */
export interface EnqueueInput {
  kind: DeliveryKind;
  url: string;
  body: unknown;
  transactionId?: string;
  delayMs?: number;
  /** Runs after the final attempt (e.g. C2B validation reads the merchant's answer). */
  onSettled?: string;
  /** Overrides callbacks.timeoutMs when shorter (C2B validation has its own deadline). */
  timeoutMs?: number;
  /** Overrides callbacks.retries (C2B validation is asked once). */
  retries?: number;
}

/** What a transform may turn a delivery into: fault rules drop, copy, delay, hold back or rewrite callbacks. */
export interface PlannedDelivery extends EnqueueInput {
  /** Posted verbatim instead of JSON.stringify(body): a malformed body. */
  bodyText?: string;
  /** Names of the fault rules that changed it. */
  rules?: string[];
  /** Recorded as cancelled and never sent; its settled hook still runs, as for a delivery that failed. */
  drop?: boolean;
  /** Held until the next delivery to the same URL is due, then sent right after it; `delayMs` is the longest hold. */
  behindNext?: boolean;
}

/** Consulted by `enqueue`; returns the deliveries to record instead of the input (at least one). */
export type DeliveryTransform = (input: EnqueueInput) => PlannedDelivery[];

/** A delivery as the outbox stores it, with what it needs to send it again after a restart. */
export type StoredDelivery = DeliveryView & {
  onSettled?: string;
  timeoutMs?: number;
  retries?: number;
  bodyText?: string;
  behindNext?: boolean;
};

export type SettledHook = (delivery: DeliveryView) => void;
