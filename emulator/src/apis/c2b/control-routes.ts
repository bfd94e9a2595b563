import { Router } from 'express';
import type { C2bRegistrationView, C2bValidationView, TransactionView } from 'daraja-client/emulator';
import type { Ledger } from '../../ledger/ledger.js';
import type { C2bPayments } from './payments.js';
import type { Registrations } from './registrations.js';
import { maskSecrets } from '../../journal/mask.js';
import { readMsisdn, readShortcode } from '../../validation/fields.js';
import { ControlError } from '../../control/control-error.js';
import { bodyObject, queryText } from '../../control/query-params.js';

/**
 * C2B from the customer's side and the app's registrations: a phone paying a paybill or till, the URLs
 * registered per shortcode (which the real sandbox cannot show), and the per-shortcode external
 * validation switch that Safaricom flips on request.
 */
export function controlC2bRoutes(
  ledger: Ledger,
  payments: C2bPayments,
  registrations: Registrations,
): Router {
  const router = Router();

  router.post('/c2b/payments', (req, res) => {
    const body = bodyObject(req);
    const shortcode = readShortcode(body.shortcode);
    if (!shortcode.ok) throw new ControlError(400, 'invalid_shortcode', `shortcode: ${shortcode.reason}.`);
    const msisdn = readMsisdn(body.msisdn);
    if (!msisdn.ok) throw new ControlError(400, 'invalid_msisdn', `msisdn: ${msisdn.reason}.`);
    const amount = body.amount;
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1) {
      throw new ControlError(
        400,
        'invalid_amount',
        'amount must be a whole number of shillings, at least 1.',
      );
    }
    const ref = body.billRefNumber;
    if (ref !== undefined && typeof ref !== 'string')
      throw new ControlError(400, 'invalid_bill_ref', 'billRefNumber must be a string.');
    const pin = body.pin;
    if (pin !== undefined && typeof pin !== 'string' && typeof pin !== 'number') {
      throw new ControlError(400, 'invalid_pin', 'pin must be the PIN the customer typed, e.g. "1234".');
    }
    const org = ledger.org(shortcode.value);
    if (!org)
      throw new ControlError(
        404,
        'unknown_shortcode',
        `No paybill or till ${shortcode.value} in this emulator.`,
      );
    if (!ledger.customer(msisdn.value))
      throw new ControlError(404, 'unknown_customer', `No customer ${msisdn.value}.`);
    const transaction: TransactionView = payments.start({
      shortcode: shortcode.value,
      msisdn: msisdn.value,
      amount,
      billRefNumber: ref?.trim() ?? '',
      transactionType: org.kind === 'till' ? 'Buy Goods' : 'Pay Bill',
      by: pin === undefined ? 'control' : 'phone',
      ...(pin === undefined ? {} : { pin: String(pin) }),
      request: maskSecrets(body),
      response: null,
    });
    res.status(201).json(transaction);
  });

  router.get('/c2b/registrations', (req, res) => {
    const shortcode = queryText(req, 'shortcode');
    const list = registrations.list().filter((r) => !shortcode || r.shortcode === shortcode);
    res.json(list satisfies C2bRegistrationView[]);
  });
  router.delete('/c2b/registrations/:shortcode', (req, res) => {
    if (!registrations.delete(req.params.shortcode)) {
      throw new ControlError(404, 'not_found', `No C2B URLs are registered for ${req.params.shortcode}.`);
    }
    res.status(204).end();
  });

  const validationView = (shortcode: string): C2bValidationView => {
    const org = ledger.org(shortcode);
    if (!org)
      throw new ControlError(404, 'unknown_shortcode', `No paybill or till ${shortcode} in this emulator.`);
    return { shortcode, externalValidation: org.externalValidation ?? false };
  };
  router.get('/c2b/shortcodes/:shortcode/validation', (req, res) => {
    res.json(validationView(req.params.shortcode));
  });
  router.put('/c2b/shortcodes/:shortcode/validation', (req, res) => {
    const view = validationView(req.params.shortcode);
    const enabled = bodyObject(req).enabled;
    if (typeof enabled !== 'boolean')
      throw new ControlError(400, 'invalid_enabled', 'Send { "enabled": true } or { "enabled": false }.');
    const org = ledger.org(view.shortcode);
    if (org) ledger.putOrg({ ...org, externalValidation: enabled });
    res.json(validationView(view.shortcode));
  });
  return router;
}
