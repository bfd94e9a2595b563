import { Router } from 'express';
import { DarajaErrors, DarajaPaths } from 'daraja-client/wire';
import { requireToken } from '../../http/bearer.js';
import { context } from '../../http/request-context.js';
import type { OAuthService } from '../oauth/service.js';
import type { SettingsHolder } from '../../config/settings-holder.js';
import { LegacyPendingError, type StkQueryService } from './service.js';

export function stkQueryRoutes(
  oauth: OAuthService,
  service: StkQueryService,
  settings: SettingsHolder,
): Router {
  const router = Router();
  router.post(
    DarajaPaths.stkQuery,
    requireToken(oauth, 'stk-query', DarajaErrors.invalidAccessToken),
    (req, res) => {
      const ctx = context(res);
      try {
        const { response, transactionId } = service.query(
          req.body as Record<string, unknown>,
          settings.current,
          ctx.explanation,
        );
        ctx.transactionId = transactionId;
        res.json(response);
      } catch (error) {
        if (error instanceof LegacyPendingError) {
          ctx.transactionId = error.checkoutRequestId;
          ctx.requestId = error.checkoutRequestId;
        }
        throw error;
      }
    },
  );
  return router;
}
