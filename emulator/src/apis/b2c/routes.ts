import { DarajaPaths } from 'daraja-client/wire';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { DarajaRoute } from '../../http/daraja-route.js';
import type { Exchange } from '../../http/exchange.js';
import { initiatorRequestRoute } from '../initiator/initiator-route.js';
import type { B2CService } from './service.js';
import { validateB2C, type B2CVariant } from './validate.js';

/** B2C v1, B2C v3 and B2Pochi: one body shape, three paths. */
export function b2cRoutes(settings: SettingsHolder, service: B2CService): DarajaRoute[] {
  const start =
    (variant: B2CVariant) =>
    ({ body, ctx }: Exchange) =>
      service.pay(validateB2C(body, variant, settings.current), ctx.body, ctx.appId, ctx.explanation);
  return [
    initiatorRequestRoute(DarajaPaths.b2cV1, 'b2c', start('v1')),
    initiatorRequestRoute(DarajaPaths.b2cV3, 'b2c', start('v3')),
    initiatorRequestRoute(DarajaPaths.b2pochi, 'b2pochi', start('b2pochi')),
  ];
}
