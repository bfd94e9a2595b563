import type { ApiFactory } from '../api-module.js';
import { oauthRoutes } from './routes.js';

export const oauthApi: ApiFactory = ({ oauth }) => ({ name: 'oauth', routes: oauthRoutes(oauth) });
