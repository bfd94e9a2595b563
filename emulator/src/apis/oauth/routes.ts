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
      handle: (exchange) => {
        const { token, appId } = oauth.issue(exchange.req.headers.authorization, exchange.query.grant_type);
        exchange.ctx.appId = appId;
        sendJson(exchange, token);
      },
    },
  ];
}
