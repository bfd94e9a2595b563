import type { ApiFactory } from '../api-module.js';
import { reversalRoutes } from './routes.js';
import { ReversalService } from './service.js';

export const reversalApi: ApiFactory = (emulator) => ({
  name: 'reversal',
  routes: reversalRoutes(emulator, new ReversalService(emulator)),
});
