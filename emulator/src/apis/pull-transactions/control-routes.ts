import { Router } from 'express';
import type { PullRegistrationView } from 'daraja-client/emulator';
import type { PullRegistrations } from './registrations.js';

/** `GET /_emulator/pull/registrations`: the shortcodes registered for Pull Transactions. */
export function pullControlRoutes(registrations: PullRegistrations): Router {
  const router = Router();
  router.get('/pull/registrations', (_req, res) => {
    const views: PullRegistrationView[] = registrations.list().map((r) => ({
      shortcode: r.shortcode,
      nominatedNumber: r.nominatedNumber,
      callbackUrl: r.callbackUrl,
      registeredAt: r.registeredAt,
      ...(r.appId ? { appId: r.appId } : {}),
    }));
    res.json(views);
  });
  return router;
}
