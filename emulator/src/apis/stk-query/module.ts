import type { ApiFactory } from '../api-module.js';
import { stkQueryRoutes } from './routes.js';

export const stkQueryApi: ApiFactory = (emulator) => ({
  name: 'stk-query',
  routes: stkQueryRoutes(emulator.stkQuery, emulator.settings),
});
