import { CONTROL_PREFIX } from './control.js';
import type { InitiatorApi } from './initiator-settings.js';
import type { ShortcodeView } from './world.js';

/** Control endpoints of the ledger and the initiator APIs. */
export const InitiatorControlPaths = {
  /** `GET`: the emulator's X.509 certificate (PEM) to encrypt SecurityCredentials with. */
  certificate: `${CONTROL_PREFIX}/security/certificate`,
  /** `GET` a shortcode with its accounts and initiators; `PATCH` its balances. */
  shortcode: (shortcode: string) => `${CONTROL_PREFIX}/shortcodes/${encodeURIComponent(shortcode)}`,
  shortcodeMovements: (shortcode: string) =>
    `${CONTROL_PREFIX}/shortcodes/${encodeURIComponent(shortcode)}/movements`,
  customerMovements: (msisdn: string) =>
    `${CONTROL_PREFIX}/customers/${encodeURIComponent(msisdn)}/movements`,
  /** `POST`: clears an initiator's failure count and lock. */
  initiatorUnlock: (shortcode: string, name: string) =>
    `${CONTROL_PREFIX}/shortcodes/${encodeURIComponent(shortcode)}/initiators/${encodeURIComponent(name)}/unlock`,
  /** `GET`: M-Pesa's own account, where transaction charges go (`OperatorAccountView`). */
  operator: `${CONTROL_PREFIX}/operator`,
  /** `POST`: the next matching initiator request times out in the queue. */
  queueTimeout: `${CONTROL_PREFIX}/initiator/queue-timeout`,
} as const;

/** One side of a money movement. */
export type MovementParty =
  | { type: 'customer'; msisdn: string }
  | { type: 'org'; shortcode: string; account: string }
  | { type: 'world' }
  /** M-Pesa itself: where transaction charges go. */
  | { type: 'operator' };

/** A ledger movement as the control API shows it; amounts in shillings. */
export interface MovementView {
  id: string;
  at: number;
  transactionId?: string;
  receipt?: string;
  from: MovementParty;
  to: MovementParty;
  amount: number;
  reason: string;
}

/** An API operator of a shortcode; the password is never shown. */
export interface InitiatorView {
  name: string;
  failures: number;
  locked: boolean;
}

export interface ShortcodeDetailView extends ShortcodeView {
  initiators: InitiatorView[];
}

/** `PATCH /shortcodes/:shortcode`: set account balances (shillings), e.g. `{ "Utility Account": 1000 }`. */
export interface ShortcodePatchBody {
  balances?: Record<string, number>;
}

/** `POST /initiator/queue-timeout`: which request to time out (the next one of any API by default). */
export interface QueueTimeoutBody {
  api?: InitiatorApi;
  shortcode?: string;
  count?: number;
}
