import type { ApiFactory } from '../api-module.js';
import { dynamicQrRoutes } from './routes.js';
import { DynamicQrService } from './service.js';

/** Dynamic QR: draws M-Pesa QR codes; phones pay them through the C2B flow. */
export const dynamicQrApi: ApiFactory = (emulator) => {
  const service = new DynamicQrService({
    ledger: emulator.ledger,
    transactions: emulator.transactions,
    clock: emulator.clock,
    ids: emulator.ids,
  });
  return { name: 'dynamic-qr', routes: dynamicQrRoutes(service, emulator.settings) };
};
