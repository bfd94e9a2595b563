import type { ApiFactory } from '../api-module.js';
import { b2cRoutes } from './routes.js';
import { B2CService } from './service.js';

/** B2C v1 and v3 and Business to Pochi. */
export const b2cApi: ApiFactory = (emulator) => ({
  name: 'b2c',
  routes: b2cRoutes(emulator, new B2CService(emulator)),
});
