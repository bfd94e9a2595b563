import type { Router } from 'express';
import type { DarajaRoute } from '../http/daraja-route.js';
import type { ApiContext } from './api-context.js';

export type { ApiContext } from './api-context.js';

/**
 * One emulated Daraja API (or family): its Daraja routes, its control routes, and how it rebuilds its
 * schedule after a restart or forgets it on reset. Every API folder exports one factory of this shape.
 */
export interface ApiModule {
  name: string;
  /** Daraja endpoints, served by the gateway after the journal, body parsing and the fault gate. */
  routes: DarajaRoute[];
  /** Control endpoints, mounted under /_emulator/. */
  control?: Router;
  /**
   * The same, built with the first request to the control API so that start-up does not load Express:
   * import the routes module inside it.
   */
  loadControl?: () => Promise<Router>;
  /** Schedules again what was pending when the emulator stopped. */
  recover?(): void;
  /** Forgets in-memory scheduling state on reset (the store is cleared separately). */
  clear?(): void;
}

/** Builds an API from the shared parts it is handed; it builds its own services and keeps no other reference. */
export type ApiFactory = (context: ApiContext) => ApiModule;
