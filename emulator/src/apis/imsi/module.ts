import type { ApiFactory } from '../api-module.js';
import { imsiRoutes } from './routes.js';
import { ImsiService } from './service.js';
import { Sims } from './sims.js';

export const imsiApi: ApiFactory = ({ store, clock, ids }) => {
  const sims = new Sims(store, clock);
  return {
    name: 'imsi',
    routes: imsiRoutes(new ImsiService({ sims, clock, ids })),
    loadControl: async () => (await import('./control-routes.js')).imsiControlRoutes(sims),
  };
};
