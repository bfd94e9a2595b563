import express, { Router, type Request } from 'express';
import type { ConformanceFireBody, ConformanceResult } from 'daraja-client/emulator';
import type { EmulatorControl } from './emulator-control.js';
import { ADMIN_TOKEN_HEADER } from '../http/admin-guard.js';
import { CALLBACK_VARIANTS, findVariant } from '../conformance/catalogue.js';
import { variantView } from '../conformance/callback-variant.js';
import { ControlError } from './control-error.js';
import { bodyObject } from './query-params.js';

/** Results kept for the dashboard's conformance view (newest last). */
const KEEP = 200;

/**
 * Callback conformance: the catalogue of variants, the results of runs (reported by the test kit and the
 * `conformance` command, and published on the live socket), and firing one variant at a URL by hand, with
 * the emulator starting the payment as the app would.
 */
export function conformanceRoutes(emulator: Pick<EmulatorControl, 'clock' | 'events' | 'ids'>): Router {
  const router = Router();
  const results: ConformanceResult[] = [];
  const publish = (result: ConformanceResult) => {
    results.push(result);
    if (results.length > KEEP) results.splice(0, results.length - KEEP);
    emulator.events.emit({ type: 'conformance', result });
  };
  router.use('/conformance', express.json({ limit: '2mb' }));

  router.get('/conformance/variants', (_req, res) => {
    res.json(CALLBACK_VARIANTS.map(variantView));
  });
  router.get('/conformance/results', (_req, res) => {
    res.json(results);
  });
  router.post('/conformance/results', (req, res) => {
    const body = bodyObject(req) as Partial<ConformanceResult>;
    if (typeof body.variant !== 'string' || !['pass', 'fail', 'error'].includes(String(body.verdict))) {
      throw new ControlError(400, 'invalid_result', 'Send a ConformanceResult: { variant, verdict, ... }.');
    }
    const result = { callbacks: [], reasons: [], values: {}, runId: '', ...body, at: emulator.clock.now() };
    publish(result as ConformanceResult);
    res.status(201).json(result);
  });
  router.post('/conformance/fire', async (req, res) => {
    const body = bodyObject(req) as Partial<ConformanceFireBody>;
    const variant = typeof body.variant === 'string' ? findVariant(body.variant) : undefined;
    if (!variant) {
      throw new ControlError(
        404,
        'unknown_variant',
        `No variant ${JSON.stringify(body.variant)}; GET /_emulator/conformance/variants lists them.`,
      );
    }
    if (typeof body.url !== 'string' || !/^https?:\/\/./.test(body.url)) {
      throw new ControlError(400, 'invalid_url', 'url must be the http(s) URL the callbacks go to.');
    }
    const { fireVariant } = await import('../conformance/fire-variant.js');
    const result = await fireVariant(
      ownUrl(req),
      req.get(ADMIN_TOKEN_HEADER),
      variant,
      body.url,
      `fire-${emulator.ids.internalId()}`,
      () => emulator.clock.now(),
    );
    publish(result);
    res.json(result);
  });
  return router;
}

/** The emulator as the request reached it: the runner talks to it through the same door. */
function ownUrl(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
}
