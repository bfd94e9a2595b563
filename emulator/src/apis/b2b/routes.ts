import { DarajaPaths } from 'daraja-client/wire';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { initiatorRequestRoute } from '../initiator/initiator-route.js';
import type { B2BService } from './service.js';
import { validateB2B } from './validate.js';

export function b2bRoutes(service: B2BService, settings: SettingsHolder): DarajaRoute[] {
  return [
    initiatorRequestRoute(DarajaPaths.b2b, 'b2b', ({ body, ctx }) =>
      service.pay(validateB2B(body, settings.current), ctx.body, ctx.appId, ctx.explanation),
    ),
  ];
}
