import { Router } from 'express';
import { promptAction, promptAnswerRoutes } from '../../control/prompt-answer-routes.js';
import { RatibaStateError, type RatibaService } from './service.js';
import type { StandingOrders } from './orders.js';

const isRatibaStateError = (error: unknown): error is RatibaStateError => error instanceof RatibaStateError;

/**
 * Acting as the customer on a standing order: approve the prompt with a PIN, cancel it, let it time out,
 * or stop an active order; and listing orders (all, or one phone's).
 */
export function controlRatibaRoutes(ratiba: RatibaService, orders: StandingOrders): Router {
  const router = Router();
  router.get('/ratiba/orders', (req, res) => {
    const phone = typeof req.query.phone === 'string' ? req.query.phone : undefined;
    const status = typeof req.query.status === 'string' ? req.query.status : undefined;
    res.json(orders.list({ ...(phone ? { phone } : {}), ...(status ? { status } : {}) }));
  });
  promptAnswerRoutes(router, '/ratiba', 'customer', ratiba, isRatibaStateError);
  router.post(
    '/ratiba/orders/:id/stop',
    promptAction(isRatibaStateError, (id) => ratiba.stop(id)),
  );
  return router;
}
