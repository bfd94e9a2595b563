import type { ApiFactory } from '../api-module.js';
import { Registrations } from '../c2b/registrations.js';
import { StandingOrders } from './orders.js';
import { ratibaRoutes } from './routes.js';
import { RatibaService } from './service.js';

/** M-Pesa Ratiba (standing orders): approval prompts and scheduled debits survive a restart. */
export const ratibaApi: ApiFactory = (emulator) => {
  const orders = new StandingOrders(emulator.store);
  const service = new RatibaService({
    ledger: emulator.ledger,
    transactions: emulator.transactions,
    messages: emulator.messages,
    outbox: emulator.outbox,
    clock: emulator.clock,
    ids: emulator.ids,
    settings: emulator.settings,
    registrations: new Registrations(emulator.store),
    scheduler: emulator.scheduler,
    orders,
    journal: emulator.journal,
  });
  return {
    name: 'ratiba',
    routes: ratibaRoutes(service, emulator.settings, emulator.ledger, emulator.clock),
    loadControl: async () => (await import('./control-routes.js')).controlRatibaRoutes(service, orders),
    recover: () => service.recover(),
    clear: () => service.clear(),
  };
};
