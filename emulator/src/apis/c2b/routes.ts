import { DarajaErrors, DarajaPaths } from 'daraja-client/wire';
import type { C2bVersion } from 'daraja-client/emulator';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { recordTransaction } from '../../http/request-context.js';
import { sendJson, type Exchange } from '../../http/exchange.js';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { C2bService } from './service.js';
import { validateRegister } from './validate-register.js';
import { validateSimulate } from './validate-simulate.js';

/** Register URL and simulate, v1 and v2. A bad token is `400.003.01 Invalid Access Token`, as documented for C2B. */
export function c2bRoutes(c2b: C2bService, settings: SettingsHolder): DarajaRoute[] {
  const register = (version: C2bVersion) => (exchange: Exchange) => {
    const { ctx } = exchange;
    const input = validateRegister(exchange.body, settings.current);
    sendJson(exchange, c2b.register(input, version, ctx.appId, ctx.explanation));
  };
  const simulate = (version: C2bVersion) => (exchange: Exchange) => {
    const { ctx } = exchange;
    const input = validateSimulate(exchange.body);
    const { response, transaction } = c2b.simulate(input, version, ctx.body, ctx.appId, ctx.explanation);
    recordTransaction(exchange, transaction);
    sendJson(exchange, response);
  };
  const route = (path: string, api: string, handle: (exchange: Exchange) => void): DarajaRoute => ({
    method: 'POST',
    path,
    api,
    invalidToken: DarajaErrors.invalidAccessTokenC2B,
    // Documented for C2B: a malformed body is 400.002.05 Invalid Request Payload (SPEC 1.4, 5.1).
    malformedBody: 'invalid-payload',
    handle,
  });
  return [
    route(DarajaPaths.c2bRegisterV1, 'c2b-register', register('v1')),
    route(DarajaPaths.c2bRegisterV2, 'c2b-register', register('v2')),
    route(DarajaPaths.c2bSimulateV1, 'c2b-simulate', simulate('v1')),
    route(DarajaPaths.c2bSimulateV2, 'c2b-simulate', simulate('v2')),
  ];
}
