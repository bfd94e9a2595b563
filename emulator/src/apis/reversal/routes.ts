import { DarajaPaths } from 'daraja-client/wire';
import type { SettingsHolder } from '../../config/settings-holder.js';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { initiatorRequestRoute } from '../initiator/initiator-route.js';
import type { ReversalService } from './service.js';
import { validateReversal } from './validate.js';

export function reversalRoutes(settings: SettingsHolder, service: ReversalService): DarajaRoute[] {
  return [
    initiatorRequestRoute(DarajaPaths.reversal, 'reversal', ({ body, ctx }) =>
      service.reverse(validateReversal(body, settings.current), ctx.body, ctx.appId, ctx.explanation),
    ),
  ];
}
