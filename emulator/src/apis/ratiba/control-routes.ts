import { Router, type RequestHandler } from 'express';
import { ControlError } from '../../control/control-error.js';
import { bodyObject } from '../../control/query.js';
import { RatibaStateError, type RatibaService } from './service.js';
import type { StandingOrders } from './orders.js';

/**
 * Acting as the customer on a standing order: approve the prompt with a PIN, cancel it, let it time out,
 * or stop an active order; and listing orders (all, or one phone's).
 */
export function controlRatibaRoutes(ratiba: RatibaService, orders: StandingOrders): Router {
  const router = Router();
  const act =
    (run: (id: string, body: Record<string, unknown>) => unknown): RequestHandler =>
    (req, res) => {
      try {
        res.json(run(String(req.params.id), bodyObject(req)));
      } catch (error) {
        if (error instanceof RatibaStateError) {
          throw new ControlError(error.code === 'not_found' ? 404 : 409, error.code, error.message);
        }
        throw error;
      }
    };
  router.get('/ratiba/orders', (req, res) => {
    const phone = typeof req.query.phone === 'string' ? req.query.phone : undefined;
    const status = typeof req.query.status === 'string' ? req.query.status : undefined;
    res.json(orders.list({ ...(phone ? { phone } : {}), ...(status ? { status } : {}) }));
  });
  router.post(
    '/ratiba/:id/accept',
    act((id, body) => {
      if (typeof body.pin !== 'string' && typeof body.pin !== 'number') {
        throw new ControlError(400, 'invalid_pin', 'Send { "pin": "1234" }: the PIN the customer typed.');
      }
      return ratiba.accept(id, String(body.pin), 'phone');
    }),
  );
  router.post(
    '/ratiba/:id/decline',
    act((id) => ratiba.decline(id, 'phone')),
  );
  router.post(
    '/ratiba/:id/timeout',
    act((id) => ratiba.timeout(id, 'control')),
  );
  router.post(
    '/ratiba/orders/:id/stop',
    act((id) => ratiba.stop(id)),
  );
  return router;
}
