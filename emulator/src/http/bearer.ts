import type { DarajaErrorTemplate } from 'daraja-client/wire';
import type { OAuthService } from '../apis/oauth/service.js';
import { DarajaError } from './daraja-error.js';
import type { Exchange } from './exchange.js';

/**
 * Requires `Authorization: Bearer <token>` from the OAuth endpoint and notes the app it belongs to. Each
 * API family answers a bad token with its own error code, so the route passes the template.
 */
export function checkBearer(oauth: OAuthService, exchange: Exchange, invalid: DarajaErrorTemplate): void {
  const header = exchange.req.headers.authorization;
  if (!header)
    throw new DarajaError(invalid, 'There is no Authorization header; send "Bearer <access_token>".');
  const [scheme, token] = header.trim().split(/\s+/, 2);
  if (!scheme || scheme.toLowerCase() !== 'bearer' || !token) {
    throw new DarajaError(
      invalid,
      `The Authorization header is not "Bearer <access_token>" (scheme "${scheme ?? ''}").`,
    );
  }
  const check = oauth.verify(token);
  if (!check.ok) throw new DarajaError(invalid, `Invalid access token: ${check.reason}.`);
  exchange.ctx.appId = check.appId;
}
