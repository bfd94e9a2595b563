import { Router, type RequestHandler } from 'express';
import type { StkService } from './service.js';
import { StkStateError } from './stk-state-error.js';
import { ControlError } from '../../control/control-error.js';
import { bodyObject } from '../../control/query.js';

/**
 * Acting as the customer on an open prompt: accept with a PIN or decline (recorded as decided on the phone),
 * or end it as if the PIN timeout had passed (recorded as a control action).
 */
export function controlStkRoutes(stk: StkService): Router {
  const router = Router();
  const act =
    (run: (id: string, body: Record<string, unknown>) => unknown): RequestHandler =>
    (req, res) => {
      try {
        res.json(run(String(req.params.id), bodyObject(req)));
      } catch (error) {
        if (error instanceof StkStateError) {
          throw new ControlError(error.code === 'not_found' ? 404 : 409, error.code, error.message);
        }
        throw error;
      }
    };
  router.post(
    '/stk/:id/accept',
    act((id, body) => {
      if (typeof body.pin !== 'string' && typeof body.pin !== 'number') {
        throw new ControlError(400, 'invalid_pin', 'Send { "pin": "1234" }: the PIN the customer typed.');
      }
      return stk.accept(id, String(body.pin), 'phone');
    }),
  );
  router.post(
    '/stk/:id/decline',
    act((id) => stk.decline(id, 'phone')),
  );
  router.post(
    '/stk/:id/timeout',
    act((id) => stk.timeout(id, 'control')),
  );
  return router;
}
