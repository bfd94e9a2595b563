import type { RequestHandler } from 'express';
import type { DarajaErrorTemplate } from 'daraja-client/wire';
import type { OAuthService } from '../apis/oauth/service.js';
import { DarajaError } from './daraja-error.js';
import { context } from './request-context.js';

/**
 * Requires `Authorization: Bearer <token>` from the OAuth endpoint. Each API family answers a bad token
 * with its own error code, so the route passes the template.
 */
export function requireToken(oauth: OAuthService, api: string, invalid: DarajaErrorTemplate): RequestHandler {
  return (req, res, next) => {
    const ctx = context(res);
    ctx.api = api;
    const header = req.headers.authorization;
    if (!header)
      return next(
        new DarajaError(invalid, 'There is no Authorization header; send "Bearer <access_token>".'),
      );
    const [scheme, token] = header.trim().split(/\s+/, 2);
    if (!scheme || scheme.toLowerCase() !== 'bearer' || !token) {
      return next(
        new DarajaError(
          invalid,
          `The Authorization header is not "Bearer <access_token>" (scheme "${scheme ?? ''}").`,
        ),
      );
    }
    const check = oauth.verify(token);
    if (!check.ok) return next(new DarajaError(invalid, `Invalid access token: ${check.reason}.`));
    ctx.appId = check.appId;
    next();
  };
}
