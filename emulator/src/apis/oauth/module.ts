import type { ApiFactory } from '../api-module.js';
import { oauthRoutes } from './routes.js';

export const oauthApi: ApiFactory = (emulator) => ({ name: 'oauth', routes: oauthRoutes(emulator.oauth) });
