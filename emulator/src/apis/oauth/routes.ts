import { Router } from 'express';
import { DarajaPaths } from 'daraja-client/wire';
import { context } from '../../http/request-context.js';
import type { OAuthService } from './service.js';

export function oauthRoutes(oauth: OAuthService): Router {
  const router = Router();
  router.get(DarajaPaths.oauth, (req, res) => {
    const ctx = context(res);
    ctx.api = 'oauth';
    const { token, appId } = oauth.issue(req.headers.authorization, req.query.grant_type);
    ctx.appId = appId;
    res.json(token);
  });
  return router;
}
