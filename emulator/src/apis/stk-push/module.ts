import type { ApiFactory } from '../api-module.js';
import { stkPushRoutes } from './routes.js';

export const stkPushApi: ApiFactory = (emulator) => ({
  name: 'stk-push',
  routes: stkPushRoutes(emulator.stk, emulator.settings),
  loadControl: async () => (await import('../../control/stk-routes.js')).controlStkRoutes(emulator.stk),
  recover: () => emulator.stk.recover(),
  clear: () => emulator.stk.clear(),
});
