import type { ApiFactory } from '../api-module.js';
import { controlStkRoutes } from '../../control/stk-routes.js';
import { stkPushRoutes } from './routes.js';

export const stkPushApi: ApiFactory = (emulator) => ({
  name: 'stk-push',
  routes: stkPushRoutes(emulator.stk, emulator.settings),
  control: controlStkRoutes(emulator.stk),
  recover: () => emulator.stk.recover(),
  clear: () => emulator.stk.clear(),
});
