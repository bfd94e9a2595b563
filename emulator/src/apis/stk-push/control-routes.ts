import { Router } from 'express';
import type { StkService } from './service.js';
import { StkStateError } from './stk-state-error.js';
import { promptAnswerRoutes } from '../../control/prompt-answer-routes.js';

const isStkStateError = (error: unknown): error is StkStateError => error instanceof StkStateError;

/**
 * Acting as the customer on an open prompt: accept with a PIN or decline (recorded as decided on the phone),
 * or end it as if the PIN timeout had passed (recorded as a control action).
 */
export function controlStkRoutes(stk: StkService): Router {
  const router = Router();
  promptAnswerRoutes(router, '/stk', 'customer', stk, isStkStateError);
  return router;
}
