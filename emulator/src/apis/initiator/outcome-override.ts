import { DarajaPaths } from 'daraja-client/wire';
import type { InitiatorApi, TransactionView } from 'daraja-client/emulator';
import type { InitiatorRequest } from './initiator-flow.js';
import type { PlannedOutcome } from './outcome.js';

/** What a hook sees of an initiator request before anything is decided. */
export interface InitiatorOverrideInput {
  api: InitiatorApi;
  /** The Daraja path the request came to: B2C v1 and v3 are one API with two paths. */
  path: string;
  appId?: string;
  /** The organisation acting (PartyA, or Reversal's ReceiverParty). */
  shortcode: string;
  /** What is known of the transaction before processing (phone, amount, PartyB, ...). */
  fields: Partial<TransactionView>;
  /** The request body as parsed. */
  body: Record<string, unknown>;
}

/**
 * What decides an initiator request ahead of the settings (fault rules). `outcome` unset leaves the decision
 * to `initiator.outcomes` and normal processing; `resultDelayMs` unset keeps the setting's delay; `rules`
 * are recorded on the transaction.
 */
export interface InitiatorOverride {
  outcome?: PlannedOutcome;
  resultDelayMs?: number;
  rules: string[];
}

export type InitiatorOutcomeOverride = (input: InitiatorOverrideInput) => InitiatorOverride | undefined;

const PATHS: Record<Exclude<InitiatorApi, 'b2c'>, string> = {
  b2pochi: DarajaPaths.b2pochi,
  'transaction-status': DarajaPaths.transactionStatus,
  'account-balance': DarajaPaths.accountBalance,
  reversal: DarajaPaths.reversal,
  b2b: DarajaPaths.b2b,
  'tax-remittance': DarajaPaths.taxRemittance,
};

/** B2C v3 always carries the caller's OriginatorConversationID and v1 never does, so it tells them apart. */
export function overrideInput(req: InitiatorRequest): InitiatorOverrideInput {
  const path =
    req.api === 'b2c'
      ? req.originatorConversationId === undefined
        ? DarajaPaths.b2cV1
        : DarajaPaths.b2cV3
      : PATHS[req.api];
  return {
    api: req.api,
    path,
    ...(req.appId ? { appId: req.appId } : {}),
    shortcode: req.shortcode,
    fields: req.fields ?? {},
    body: req.rawBody && typeof req.rawBody === 'object' ? (req.rawBody as Record<string, unknown>) : {},
  };
}
