import { DarajaPaths } from 'daraja-client/wire';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { sendJson } from '../../http/exchange.js';
import type { OAuthService } from './service.js';

export function oauthRoutes(oauth: OAuthService): DarajaRoute[] {
  return [
    {
      method: 'GET',
      path: DarajaPaths.oauth,
      api: 'oauth',
      handle: (x) => {
        const { token, appId } = oauth.issue(x.req.headers.authorization, x.query.grant_type);
        x.ctx.appId = appId;
        sendJson(x, token);
      },
    },
  ];
}
