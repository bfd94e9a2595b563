import type { ApiFactory } from '../api-module.js';
import { C2bPayments } from './payments.js';
import { Registrations } from './registrations.js';
import { C2bService } from './service.js';
import { c2bRoutes } from './routes.js';

/**
 * C2B: Register URL, simulate and the payment flow. Payments waiting for validation need no recovery of
 * their own: the outbox sends the stored validation request again after a restart and its settled hook
 * carries the payment on.
 */
export const c2bApi: ApiFactory = (emulator) => {
  const registrations = new Registrations(emulator.store);
  const payments = new C2bPayments({
    ledger: emulator.ledger,
    transactions: emulator.transactions,
    messages: emulator.messages,
    outbox: emulator.outbox,
    clock: emulator.clock,
    ids: emulator.ids,
    settings: emulator.settings,
    registrations,
    store: emulator.store,
  });
  const service = new C2bService({
    ledger: emulator.ledger,
    clock: emulator.clock,
    ids: emulator.ids,
    settings: emulator.settings,
    registrations,
    payments,
  });
  return {
    name: 'c2b',
    routes: c2bRoutes(service, emulator.settings),
    loadControl: async () =>
      (await import('../../control/c2b-routes.js')).controlC2bRoutes(
        emulator.ledger,
        payments,
        registrations,
      ),
  };
};
