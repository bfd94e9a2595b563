import { DarajaPaths } from 'daraja-client/wire';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { recordTransaction } from '../../http/request-context.js';
import { sendJson, type Exchange } from '../../http/exchange.js';
import { initiatorRoute } from '../initiator/initiator-route.js';
import type { B2CService } from './service.js';
import { validateB2C, type B2CVariant } from './validate.js';

/** B2C v1, B2C v3 and B2Pochi: one body shape, three paths. */
export function b2cRoutes(settings: SettingsHolder, service: B2CService): DarajaRoute[] {
  const handler = (variant: B2CVariant) => (exchange: Exchange) => {
    const { ctx } = exchange;
    const input = validateB2C(exchange.body, variant, settings.current);
    const { ack, transaction } = service.pay(input, ctx.body, ctx.appId, ctx.explanation);
    recordTransaction(exchange, transaction);
    sendJson(exchange, ack);
  };
  return [
    initiatorRoute(DarajaPaths.b2cV1, 'b2c', handler('v1')),
    initiatorRoute(DarajaPaths.b2cV3, 'b2c', handler('v3')),
    initiatorRoute(DarajaPaths.b2pochi, 'b2pochi', handler('b2pochi')),
  ];
}
