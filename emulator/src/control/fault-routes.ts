import express, { Router } from 'express';
import { MAGIC_PHONES, type FaultRuleView } from 'daraja-client/emulator';
import type { EmulatorControl } from './emulator-control.js';
import { FaultRuleError } from '../faults/validate-rule.js';
import { ControlError } from './control-error.js';
import { scenarioRoutes } from './scenario-routes.js';

/**
 * `/_emulator/faults`: the fault rules in force (with their counters) and the magic numbers; also mounts
 * the scenario and state routes. Mounted before the general control routes, with its own body parsers,
 * because a state document can be larger than their limit.
 */
export function faultControlRoutes(emulator: EmulatorControl): Router {
  const router = Router();
  const rules = emulator.faults.rules;
  const json = express.json({ limit: '1mb' });
  const asList = (body: unknown): unknown[] => {
    if (Array.isArray(body)) return body;
    if (body && typeof body === 'object') {
      const wrapped = (body as { rules?: unknown }).rules;
      return Array.isArray(wrapped) ? wrapped : [body];
    }
    throw new ControlError(
      400,
      'invalid_body',
      'Send a rule, a list of rules, or { "rules": [...] } as JSON.',
    );
  };
  const checked = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof FaultRuleError) throw new ControlError(400, 'invalid_rule', error.message);
      throw error;
    }
  };

  router.get('/faults', (_req, res) => {
    res.json(rules.list() satisfies FaultRuleView[]);
  });
  router.get('/faults/magic', (_req, res) => {
    res.json({ enabled: emulator.settings.current.magic.enabled, phones: MAGIC_PHONES });
  });
  router.post('/faults', json, (req, res) => {
    const added = checked(() => rules.add(asList(req.body)));
    res.status(201).json(Array.isArray(req.body) || 'rules' in (req.body as object) ? added : added[0]);
  });
  router.put('/faults', json, (req, res) => {
    res.json(checked(() => rules.replace(asList(req.body))));
  });
  router.delete('/faults', (_req, res) => {
    rules.clear();
    res.status(204).end();
  });
  router.get('/faults/:id', (req, res) => {
    const rule = rules.list().find((r) => r.id === req.params.id);
    if (!rule) throw new ControlError(404, 'not_found', `No fault rule ${req.params.id}.`);
    res.json(rule);
  });
  router.delete('/faults/:id', (req, res) => {
    if (!rules.remove(req.params.id))
      throw new ControlError(404, 'not_found', `No fault rule ${req.params.id}.`);
    res.status(204).end();
  });
  router.use(scenarioRoutes(emulator));
  return router;
}
