import type { Settings } from './settings/settings-schema.js';

/** Settings of the initiator APIs (B2C, B2Pochi, Transaction Status, Account Balance, Reversal, B2B, tax remittance). */
export {
  INITIATOR_APIS,
  INITIATOR_OUTCOMES,
  initiatorOutcomeSchema,
  resultCodeSchema,
  type InitiatorApi,
  type InitiatorOutcome,
} from './settings/initiator.js';

export type InitiatorSettings = Settings['initiator'];
export type SecuritySettings = Settings['security'];
export type B2CSettings = Settings['b2c'];
