import { DarajaPaths, PullErrors } from 'daraja-client/wire';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { sendJson, type Exchange } from '../../http/exchange.js';
import type { PullService } from './service.js';
import { validatePullQuery, validatePullRegister } from './validate.js';

/** Pull's two POST routes; a bad token is `401.001 Error Occurred - Invalid Access Token - ` (live sandbox). */
export function pullRoutes(service: PullService, settings: SettingsHolder): DarajaRoute[] {
  const route = (path: string, handle: (exchange: Exchange) => void): DarajaRoute => ({
    method: 'POST',
    path,
    api: 'pull-transactions',
    invalidToken: PullErrors.invalidAccessToken,
    handle,
  });
  return [
    route(DarajaPaths.pullRegister, (exchange) => {
      const input = validatePullRegister(exchange.body, settings.current);
      sendJson(exchange, service.register(input, exchange.ctx.appId, exchange.ctx.explanation));
    }),
    route(DarajaPaths.pullQuery, (exchange) => {
      sendJson(exchange, service.query(validatePullQuery(exchange.body), exchange.ctx.explanation));
    }),
  ];
}
