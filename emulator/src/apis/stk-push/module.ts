import type { ApiFactory } from '../api-module.js';
import { controlStkRoutes } from './control-routes.js';
import { stkPushRoutes } from './routes.js';

export const stkPushApi: ApiFactory = ({ stk, settings }) => ({
  name: 'stk-push',
  routes: stkPushRoutes(stk, settings),
  control: controlStkRoutes(stk),
  recover: () => stk.recover(),
  clear: () => stk.clear(),
});
