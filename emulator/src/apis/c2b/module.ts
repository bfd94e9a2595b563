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
export const c2bApi: ApiFactory = ({
  ledger,
  transactions,
  messages,
  outbox,
  clock,
  ids,
  settings,
  store,
}) => {
  const registrations = new Registrations(store);
  const payments = new C2bPayments({
    ledger,
    transactions,
    messages,
    outbox,
    clock,
    ids,
    settings,
    registrations,
    store,
  });
  const service = new C2bService({
    ledger,
    clock,
    ids,
    settings,
    registrations,
    payments,
  });
  return {
    name: 'c2b',
    routes: c2bRoutes(service, settings),
    loadControl: async () =>
      (await import('./control-routes.js')).controlC2bRoutes(ledger, payments, registrations),
  };
};
