import express, { Router } from 'express';
import type { Settings, SettingsPatch } from 'daraja-client/emulator';
import type { EmulatorControl } from './emulator-control.js';
import { SettingsError } from '../config/validate-settings.js';
import { ControlError } from './control-error.js';
import { bodyObject, queryFlag, queryPage, queryText, sendPage } from './query-params.js';
import { controlWorldRoutes } from './world-routes.js';
import { clockView } from './clock-view.js';

/** The control API under /_emulator/: everything tests and the UI need, apart from Daraja's paths. */
export function controlRoutes(emulator: EmulatorControl, apiRoutes: Router[]): Router {
  const router = Router();
  router.use(express.json({ limit: '1mb' }));

  // Both answer 503 with the reason while the data file cannot be written (a full disk, say).
  router.get('/health', (_req, res) => {
    const reason = emulator.store.writeFailure;
    if (reason) res.status(503).json({ status: 'unhealthy', reason });
    else res.json({ status: 'ok' });
  });
  router.get('/ready', (_req, res) => {
    const reason = emulator.store.writeFailure;
    res.status(reason ? 503 : 200).json({
      ready: !reason,
      store: emulator.store.kind,
      clock: emulator.clock.kind,
      ...(reason ? { reason } : {}),
    });
  });
  router.post('/reset', (_req, res) => {
    emulator.reset();
    res.status(204).end();
  });

  router.get('/settings', (_req, res) => {
    res.json(emulator.settings.current);
  });
  router.patch('/settings', (req, res) => {
    try {
      res.json(emulator.settings.update(bodyObject(req) as SettingsPatch) satisfies Settings);
    } catch (error) {
      if (error instanceof SettingsError) throw new ControlError(400, 'invalid_settings', error.message);
      throw error;
    }
  });

  router.get('/transactions', (req, res) => {
    sendPage(
      res,
      emulator.transactions.page({
        type: queryText(req, 'type'),
        status: queryText(req, 'status'),
        phone: queryText(req, 'phone'),
        shortcode: queryText(req, 'shortcode'),
        ...queryPage(req),
      }),
    );
  });
  router.get('/transactions/:id', (req, res) => {
    const t = emulator.transactions.find(req.params.id);
    if (!t) throw new ControlError(404, 'not_found', `No transaction ${req.params.id}.`);
    res.json(t);
  });

  router.get('/deliveries', (req, res) => {
    sendPage(
      res,
      emulator.outbox.page({
        transactionId: queryText(req, 'transactionId'),
        status: queryText(req, 'status'),
        kind: queryText(req, 'kind'),
        ...queryPage(req),
      }),
    );
  });
  router.get('/deliveries/:id', (req, res) => {
    const delivery = emulator.outbox.get(req.params.id);
    if (!delivery) throw new ControlError(404, 'not_found', `No delivery ${req.params.id}.`);
    res.json(delivery);
  });
  router.post('/deliveries/:id/resend', (req, res) => {
    const delivery = emulator.outbox.resend(req.params.id);
    if (!delivery) throw new ControlError(404, 'not_found', `No delivery ${req.params.id}.`);
    res.json(delivery);
  });

  router.get('/journal', (req, res) => {
    const status = queryText(req, 'status');
    sendPage(
      res,
      emulator.journal.page({
        api: queryText(req, 'api'),
        transactionId: queryText(req, 'transactionId'),
        ...(status ? { status: Number(status) } : {}),
        rejected: queryFlag(req, 'rejected'),
        ...queryPage(req),
      }),
    );
  });

  router.get('/clock', (_req, res) => {
    res.json(clockView(emulator));
  });
  router.post('/clock/advance', async (req, res) => {
    const ms = bodyObject(req).ms;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      throw new ControlError(400, 'invalid_ms', 'Send { "ms": <milliseconds to move the clock forward> }.');
    }
    if (emulator.clock.kind !== 'manual') {
      throw new ControlError(
        409,
        'clock_not_manual',
        'The clock is the system clock; start with --clock manual to move time by hand.',
      );
    }
    const ran = await emulator.advance(ms);
    res.json({ ...clockView(emulator), ran });
  });
  router.post('/clock/run-all', async (_req, res) => {
    if (emulator.clock.kind !== 'manual') {
      throw new ControlError(
        409,
        'clock_not_manual',
        'The clock is the system clock; start with --clock manual to run pending work by hand.',
      );
    }
    const ran = await emulator.runAll();
    res.json({ ...clockView(emulator), ran });
  });

  router.get('/apps', (_req, res) => {
    res.json(
      emulator.world.apps.map((a) => ({ name: a.name, consumerKey: a.consumerKey, consumerSecret: '***' })),
    );
  });

  for (const routes of apiRoutes) router.use(routes);
  router.use(controlWorldRoutes(emulator.ledger, emulator.messages));
  return router;
}
