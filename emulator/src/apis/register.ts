import type { ApiFactory } from './api-module.js';
import { oauthApi } from './oauth/module.js';
import { stkPushApi } from './stk-push/module.js';
import { stkQueryApi } from './stk-query/module.js';
import { c2bApi } from './c2b/module.js';

/** Every emulated API, in mounting order. A new API adds its factory here. */
export const API_FACTORIES: ApiFactory[] = [oauthApi, stkPushApi, stkQueryApi, c2bApi];
