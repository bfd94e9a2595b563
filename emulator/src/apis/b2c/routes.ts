import { Router, type RequestHandler } from 'express';
import { DarajaPaths } from 'daraja-client/wire';
import type { Emulator } from '../../emulator.js';
import { context, recordTransaction } from '../../http/request-context.js';
import { initiatorToken } from '../initiator/token.js';
import type { B2CService } from './service.js';
import { validateB2C, type B2CVariant } from './validate.js';

/** B2C v1, B2C v3 and B2Pochi: one body shape, three paths. */
export function b2cRoutes(emulator: Emulator, service: B2CService): Router {
  const router = Router();
  const handler =
    (variant: B2CVariant): RequestHandler =>
    (req, res) => {
      const ctx = context(res);
      const input = validateB2C(req.body as Record<string, unknown>, variant, emulator.settings.current);
      const { ack, transaction } = service.pay(input, ctx.body, ctx.appId, ctx.explanation);
      recordTransaction(res, transaction);
      res.json(ack);
    };
  router.post(DarajaPaths.b2cV1, initiatorToken(emulator.oauth, 'b2c'), handler('v1'));
  router.post(DarajaPaths.b2cV3, initiatorToken(emulator.oauth, 'b2c'), handler('v3'));
  router.post(DarajaPaths.b2pochi, initiatorToken(emulator.oauth, 'b2pochi'), handler('b2pochi'));
  return router;
}
