import { Router } from 'express';
import { INITIATOR_APIS, isMoney, type OperatorAccountView } from 'daraja-client/emulator';
import { ControlError } from '../../control/control-error.js';
import { bodyObject, queryLimit } from '../../control/query-params.js';
import { toCents, toShillings } from '../../ledger/records.js';
import { OPERATOR_NAME } from '../../ledger/tariffs.js';
import { SecurityKeyError } from '../../security/security-keys.js';
import type { InitiatorFlow } from './initiator-flow.js';
import type { Ledger } from '../../ledger/ledger.js';
import type { SecurityService } from '../../security/security-service.js';
import { movementsOf, shortcodeDetailView } from './movement-view.js';

/**
 * Control endpoints of the ledger and the initiator APIs: the SecurityCredential certificate, shortcode
 * balances and movements, customer movements, the operator's account (charges), unlocking an initiator,
 * and arming a queue timeout.
 */
export function initiatorControlRoutes(
  ledger: Ledger,
  security: SecurityService,
  initiator: InitiatorFlow,
): Router {
  const router = Router();
  const orgOr404 = (shortcode: string) => {
    const org = ledger.org(shortcode);
    if (!org) throw new ControlError(404, 'not_found', `No shortcode ${shortcode}.`);
    return org;
  };

  router.get('/security/certificate', (_req, res) => {
    let pem: string;
    try {
      pem = security.certificatePem();
    } catch (error) {
      if (error instanceof SecurityKeyError) throw new ControlError(500, 'security_keys', error.message);
      throw error;
    }
    res
      .type('application/x-pem-file')
      .setHeader('Content-Disposition', 'attachment; filename="daraja-emulator.cer"');
    res.send(pem);
  });

  router.get('/shortcodes/:shortcode', (req, res) => {
    res.json(shortcodeDetailView(orgOr404(req.params.shortcode)));
  });
  router.patch('/shortcodes/:shortcode', (req, res) => {
    const org = orgOr404(req.params.shortcode);
    const balances = bodyObject(req).balances;
    if (!balances || typeof balances !== 'object' || Array.isArray(balances)) {
      throw new ControlError(
        400,
        'invalid_balances',
        'Send { "balances": { "Utility Account": 1000 } } (shillings per account).',
      );
    }
    const entries = Object.entries(balances as Record<string, unknown>);
    for (const [account, value] of entries) {
      if (!account.trim() || !isMoney(value)) {
        throw new ControlError(
          400,
          'invalid_amount',
          `balances["${account}"] must be a number of shillings with at most two decimals.`,
        );
      }
    }
    for (const [account, value] of entries) {
      ledger.setBalance(
        { type: 'org', shortcode: org.shortcode, account },
        toCents(value as number),
        'adjustment',
      );
    }
    res.json(shortcodeDetailView(orgOr404(org.shortcode)));
  });
  router.get('/operator', (_req, res) => {
    const view: OperatorAccountView = {
      name: OPERATOR_NAME,
      balance: toShillings(ledger.balanceCents({ type: 'operator' }) ?? 0),
    };
    res.json(view);
  });
  router.get('/shortcodes/:shortcode/movements', (req, res) => {
    const org = orgOr404(req.params.shortcode);
    res.json(movementsOf(ledger, (p) => p.type === 'org' && p.shortcode === org.shortcode, queryLimit(req)));
  });
  router.get('/customers/:msisdn/movements', (req, res) => {
    const msisdn = req.params.msisdn;
    if (!ledger.customer(msisdn)) throw new ControlError(404, 'not_found', `No customer ${msisdn}.`);
    res.json(movementsOf(ledger, (p) => p.type === 'customer' && p.msisdn === msisdn, queryLimit(req)));
  });

  router.post('/shortcodes/:shortcode/initiators/:name/unlock', (req, res) => {
    const org = orgOr404(req.params.shortcode);
    const name = req.params.name;
    if (!org.initiators.some((i) => i.name === name)) {
      throw new ControlError(404, 'not_found', `Shortcode ${org.shortcode} has no initiator "${name}".`);
    }
    const initiators = org.initiators.map((i) =>
      i.name === name ? { ...i, failures: 0, locked: false } : i,
    );
    ledger.putOrg({ ...org, initiators });
    res.json(shortcodeDetailView(orgOr404(org.shortcode)));
  });

  router.post('/initiator/queue-timeout', (req, res) => {
    const body = bodyObject(req);
    const api = body.api;
    if (api !== undefined && !(INITIATOR_APIS as readonly unknown[]).includes(api)) {
      throw new ControlError(400, 'invalid_api', `api must be one of ${INITIATOR_APIS.join(', ')}.`);
    }
    const shortcode = body.shortcode;
    if (shortcode !== undefined && (typeof shortcode !== 'string' || !/^\d{5,12}$/.test(shortcode))) {
      throw new ControlError(400, 'invalid_shortcode', 'shortcode must be a string of 5 to 12 digits.');
    }
    const count = body.count ?? 1;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 1000) {
      throw new ControlError(400, 'invalid_count', 'count must be a whole number from 1 to 1000.');
    }
    const armed = initiator.armQueueTimeout(
      { api: api as string | undefined, shortcode: shortcode as string | undefined },
      count,
    );
    res.status(201).json({ armed });
  });
  return router;
}
