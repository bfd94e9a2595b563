import { Router } from 'express';
import type { Ledger } from '../../ledger/ledger.js';
import { shortcodeView } from '../../ledger/ledger.js';
import { readMsisdn } from '../../validation/fields.js';
import { ControlError } from '../../control/control-error.js';
import { bodyObject } from '../../control/query-params.js';
import { StkStateError } from '../stk-push/stk-state-error.js';
import { promptAnswerRoutes } from '../../control/prompt-answer-routes.js';
import type { ExpressCheckoutService } from './service.js';

const isStkStateError = (error: unknown): error is StkStateError => error instanceof StkStateError;

/**
 * Acting as the till operator on an open Express Checkout prompt (confirm with the PIN, cancel, or let it
 * time out), and choosing which phone is a till's nominated number.
 */
export function controlExpressCheckoutRoutes(service: ExpressCheckoutService, ledger: Ledger): Router {
  const router = Router();
  promptAnswerRoutes(router, '/express-checkout', 'operator', service, isStkStateError);
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
