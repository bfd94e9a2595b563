import { Router } from 'express';
import { DarajaErrors, DarajaPaths } from 'daraja-client/wire';
import { requireToken } from '../../http/bearer.js';
import { context, recordTransaction } from '../../http/request-context.js';
import type { OAuthService } from '../oauth/service.js';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { StkService } from './service.js';
import { validateStkPush } from './validate.js';

export function stkPushRoutes(oauth: OAuthService, stk: StkService, settings: SettingsHolder): Router {
  const router = Router();
  router.post(
    DarajaPaths.stkPush,
    requireToken(oauth, 'stk-push', DarajaErrors.invalidAccessToken),
    (req, res) => {
      const ctx = context(res);
      const input = validateStkPush(req.body as Record<string, unknown>, settings.current);
      const { ack, transaction } = stk.push(input, ctx.body, ctx.appId, ctx.explanation);
      recordTransaction(res, transaction);
      res.json(ack);
    },
  );
  return router;
}
