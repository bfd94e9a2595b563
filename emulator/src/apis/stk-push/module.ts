import type { ApiFactory } from '../api-module.js';
import { stkPushRoutes } from './routes.js';

export const stkPushApi: ApiFactory = ({ stk, settings }) => ({
  name: 'stk-push',
  routes: stkPushRoutes(stk, settings),
  loadControl: async () => (await import('./control-routes.js')).controlStkRoutes(stk),
  recover: () => stk.recover(),
  clear: () => stk.clear(),
});
