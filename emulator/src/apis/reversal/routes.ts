import { Router } from 'express';
import { DarajaPaths } from 'daraja-client/wire';
import type { Emulator } from '../../emulator.js';
import { context, recordTransaction } from '../../http/request-context.js';
import { initiatorToken } from '../initiator/token.js';
import type { ReversalService } from './service.js';
import { validateReversal } from './validate.js';

export function reversalRoutes(emulator: Emulator, service: ReversalService): Router {
  const router = Router();
  router.post(DarajaPaths.reversal, initiatorToken(emulator.oauth, 'reversal'), (req, res) => {
    const ctx = context(res);
    const input = validateReversal(req.body as Record<string, unknown>, emulator.settings.current);
    const { ack, transaction } = service.reverse(input, ctx.body, ctx.appId, ctx.explanation);
    recordTransaction(res, transaction);
    res.json(ack);
  });
  return router;
}
