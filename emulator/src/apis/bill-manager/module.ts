import type { ApiFactory } from '../api-module.js';
import { BillBook } from './records.js';
import { billManagerRoutes } from './routes.js';
import { BillManagerService } from './service.js';

/** Bill Manager: its state is in the store and its pushes in the outbox, so there is nothing to recover. */
export const billManagerApi: ApiFactory = (emulator) => {
  const book = new BillBook(emulator.store);
  const service = new BillManagerService({
    ledger: emulator.ledger,
    messages: emulator.messages,
    outbox: emulator.outbox,
    clock: emulator.clock,
    ids: emulator.ids,
    settings: emulator.settings,
    events: emulator.events,
    book,
  });
  return {
    name: 'bill-manager',
    routes: billManagerRoutes(service, emulator.settings),
    loadControl: async () => (await import('./control-routes.js')).controlBillManagerRoutes(book),
  };
};
