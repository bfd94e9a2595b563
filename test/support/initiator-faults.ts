// Shared by the fault-rule scenarios of the initiator APIs.
import type { ResultCallback } from 'daraja-client/wire';
import type { FaultRuleInput, SettingsPatch } from 'daraja-client/emulator';
import { defaultSettings } from 'daraja-emulator';
import { b2cBody, startInitiator, statusBody } from './initiator.js';
import type { Emulator } from '../../emulator/src/internals.js';

export const PLACEHOLDER = /^[A-Z][A-L][1-9A-V]0000000$/;

/** An initiator emulator (seed 1, manual clock) with the rules added once its token is issued. */
export async function withRules(rules: FaultRuleInput[], settings: SettingsPatch = {}) {
  const started = await startInitiator(settings);
  started.emulator.faults.rules.add(rules);
  return started;
}

/** Every balance of every party, and how many movements there were: what a failure must not change. */
export function money(emulator: Emulator) {
  return {
    orgs: [...emulator.ledger.orgs.values()].map((o) => [o.shortcode, o.accounts]),
    customers: [...emulator.ledger.customers.values()].map((c) => [c.msisdn, c.balanceCents]),
    movements: [...emulator.ledger.movements.values()].length,
  };
}

export const v1Body = (overrides: Record<string, unknown> = {}) => {
  const body: Record<string, unknown> = b2cBody(overrides);
  delete body.OriginatorConversationID;
  return body;
};
export const pochiBody = () =>
  b2cBody({ CommandID: 'BusinessPayToPochi', OriginatorConversationID: 'pochi-1' });
export const statusWithoutOccasion = () => {
  const body: Record<string, unknown> = statusBody({ TransactionID: 'UJ6XXXXXXX' });
  delete body.Occasion;
  return body;
};

export const resultCode = (r: ResultCallback) => r.Result.ResultCode;
export const QUEUE_TIMEOUT = defaultSettings().initiator;
