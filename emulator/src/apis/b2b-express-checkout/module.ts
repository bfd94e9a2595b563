import type { ApiFactory } from '../api-module.js';
import { expressCheckoutRoutes } from './routes.js';
import { ExpressCheckoutService } from './service.js';

/** B2B Express Checkout: the USSD push to a till's nominated phone. */
export const b2bExpressCheckoutApi: ApiFactory = (emulator) => {
  const service = new ExpressCheckoutService({
    ledger: emulator.ledger,
    transactions: emulator.transactions,
    messages: emulator.messages,
    outbox: emulator.outbox,
    scheduler: emulator.scheduler,
    ids: emulator.ids,
    settings: emulator.settings,
    journal: emulator.journal,
  });
  return {
    name: 'b2b-express-checkout',
    routes: expressCheckoutRoutes(service, emulator.settings),
    loadControl: async () =>
      (await import('./control-routes.js')).controlExpressCheckoutRoutes(service, emulator.ledger),
    recover: () => service.recover(),
    clear: () => service.clear(),
  };
};
