import { Router, type RequestHandler } from 'express';
import { DarajaErrors, DarajaPaths } from 'daraja-client/wire';
import type { C2bVersion } from 'daraja-client/emulator';
import { requireToken } from '../../http/bearer.js';
import { context, recordTransaction } from '../../http/request-context.js';
import type { OAuthService } from '../oauth/service.js';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { C2bService } from './service.js';
import { validateRegister } from './validate-register.js';
import { validateSimulate } from './validate-simulate.js';

/** Register URL and simulate, v1 and v2. A bad token is `400.003.01 Invalid Access Token`, as documented for C2B. */
export function c2bRoutes(oauth: OAuthService, c2b: C2bService, settings: SettingsHolder): Router {
  const router = Router();
  const token = (api: string) => requireToken(oauth, api, DarajaErrors.invalidAccessTokenC2B);

  const register =
    (version: C2bVersion): RequestHandler =>
    (req, res) => {
      const ctx = context(res);
      const input = validateRegister(req.body as Record<string, unknown>, settings.current);
      res.json(c2b.register(input, version, ctx.appId, ctx.explanation));
    };
  const simulate =
    (version: C2bVersion): RequestHandler =>
    (req, res) => {
      const ctx = context(res);
      const input = validateSimulate(req.body as Record<string, unknown>);
      const { response, transaction } = c2b.simulate(input, version, ctx.body, ctx.appId, ctx.explanation);
      recordTransaction(res, transaction);
      res.json(response);
    };

  router.post(DarajaPaths.c2bRegisterV1, token('c2b-register'), register('v1'));
  router.post(DarajaPaths.c2bRegisterV2, token('c2b-register'), register('v2'));
  router.post(DarajaPaths.c2bSimulateV1, token('c2b-simulate'), simulate('v1'));
  router.post(DarajaPaths.c2bSimulateV2, token('c2b-simulate'), simulate('v2'));
  return router;
}
