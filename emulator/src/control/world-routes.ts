import { Router } from 'express';
import type { Ledger } from '../ledger/ledger.js';
import { customerView, shortcodeView } from '../ledger/ledger.js';
import { toCents } from '../ledger/records.js';
import { addCustomer } from '../ledger/seed.js';
import type { Messages } from '../ledger/messages.js';
import { readMsisdn } from '../validation/fields.js';
import { ControlError } from './control-error.js';
import { bodyObject, queryLimit } from './query-params.js';

const money = (v: unknown, field: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v) || Math.round(v * 100) !== v * 100) {
    throw new ControlError(
      400,
      'invalid_amount',
      `${field} must be a number of shillings with at most two decimals.`,
    );
  }
  return v;
};

/** Customers, their phones and shortcodes: the simulated M-Pesa world. */
export function controlWorldRoutes(ledger: Ledger, messages: Messages): Router {
  const router = Router();
  const customerOr404 = (msisdn: string) => {
    const c = ledger.customer(msisdn);
    if (!c) throw new ControlError(404, 'not_found', `No customer ${msisdn}.`);
    return c;
  };

  router.get('/customers', (_req, res) => {
    res.json([...ledger.customers.values()].map(customerView));
  });
  router.get('/customers/:msisdn', (req, res) => {
    res.json(customerView(customerOr404(req.params.msisdn)));
  });
  router.post('/customers', (req, res) => {
    const body = bodyObject(req);
    const msisdn = readMsisdn(body.msisdn);
    if (!msisdn.ok) throw new ControlError(400, 'invalid_msisdn', `msisdn: ${msisdn.reason}.`);
    const existing = ledger.customer(msisdn.value);
    const pin = body.pin === undefined ? (existing?.pin ?? '1234') : String(body.pin);
    if (!/^\d{4}$/.test(pin)) throw new ControlError(400, 'invalid_pin', 'pin must be four digits.');
    addCustomer(ledger, {
      msisdn: msisdn.value,
      name:
        typeof body.name === 'string' && body.name.trim()
          ? body.name.trim()
          : (existing?.name ?? 'M-PESA Customer'),
      pin,
      balance:
        body.balance === undefined ? (existing?.balanceCents ?? 0) / 100 : money(body.balance, 'balance'),
    });
    res.status(existing ? 200 : 201).json(customerView(customerOr404(msisdn.value)));
  });
  router.patch('/customers/:msisdn', (req, res) => {
    const c = customerOr404(req.params.msisdn);
    const body = bodyObject(req);
    const next = { ...c };
    if (body.name !== undefined) {
      if (typeof body.name !== 'string' || !body.name.trim())
        throw new ControlError(400, 'invalid_name', 'name must be a non-empty string.');
      next.name = body.name.trim();
    }
    if (body.pin !== undefined) {
      if (!/^\d{4}$/.test(String(body.pin)))
        throw new ControlError(400, 'invalid_pin', 'pin must be four digits.');
      next.pin = String(body.pin);
    }
    if (body.offline !== undefined) {
      if (typeof body.offline !== 'boolean')
        throw new ControlError(400, 'invalid_offline', 'offline must be true or false.');
      next.offline = body.offline;
    }
    ledger.putCustomer(next);
    if (body.balance !== undefined) {
      ledger.setBalance(
        { type: 'customer', msisdn: c.msisdn },
        toCents(money(body.balance, 'balance')),
        'adjustment',
      );
    }
    res.json(customerView(customerOr404(c.msisdn)));
  });
  router.get('/customers/:msisdn/messages', (req, res) => {
    customerOr404(req.params.msisdn);
    res.json(messages.for(req.params.msisdn, queryLimit(req, 100)));
  });
  router.get('/shortcodes', (_req, res) => {
    res.json([...ledger.orgs.values()].map(shortcodeView));
  });
  return router;
}
