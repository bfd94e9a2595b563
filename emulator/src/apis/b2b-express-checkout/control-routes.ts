import { Router, type RequestHandler } from 'express';
import type { Ledger } from '../../ledger/ledger.js';
import { shortcodeView } from '../../ledger/ledger.js';
import { readMsisdn } from '../../validation/fields.js';
import { ControlError } from '../../control/control-error.js';
import { bodyObject } from '../../control/query.js';
import { StkStateError } from '../stk-push/stk-state-error.js';
import type { ExpressCheckoutService } from './service.js';

/**
 * Acting as the till operator on an open Express Checkout prompt (confirm with the PIN, cancel, or let it
 * time out), and choosing which phone is a till's nominated number.
 */
export function controlExpressCheckoutRoutes(service: ExpressCheckoutService, ledger: Ledger): Router {
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
    '/express-checkout/:id/accept',
    act((id, body) => {
      if (typeof body.pin !== 'string' && typeof body.pin !== 'number') {
        throw new ControlError(400, 'invalid_pin', 'Send { "pin": "1234" }: the PIN the operator typed.');
      }
      return service.accept(id, String(body.pin), 'phone');
    }),
  );
  router.post(
    '/express-checkout/:id/decline',
    act((id) => service.decline(id, 'phone')),
  );
  router.post(
    '/express-checkout/:id/timeout',
    act((id) => service.timeout(id, 'control')),
  );
  router.put('/express-checkout/tills/:shortcode/operator', (req, res) => {
    const org = ledger.org(req.params.shortcode);
    if (!org || org.kind !== 'till') {
      throw new ControlError(404, 'unknown_till', `No till ${req.params.shortcode} in this emulator.`);
    }
    const msisdn = readMsisdn(bodyObject(req).msisdn);
    if (!msisdn.ok) throw new ControlError(400, 'invalid_msisdn', `msisdn: ${msisdn.reason}.`);
    const updated = { ...org, nominatedNumber: msisdn.value };
    ledger.putOrg(updated);
    res.json(shortcodeView(updated));
  });
  return router;
}
