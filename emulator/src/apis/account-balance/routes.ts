import { Router } from 'express';
import { DarajaPaths } from 'daraja-client/wire';
import type { Emulator } from '../../emulator.js';
import { context, recordTransaction } from '../../http/request-context.js';
import { initiatorToken } from '../initiator/token.js';
import { validateAccountBalance, type AccountBalanceService } from './service.js';

export function accountBalanceRoutes(emulator: Emulator, service: AccountBalanceService): Router {
  const router = Router();
  router.post(DarajaPaths.accountBalance, initiatorToken(emulator.oauth, 'account-balance'), (req, res) => {
    const ctx = context(res);
    const input = validateAccountBalance(req.body as Record<string, unknown>, emulator.settings.current);
    const { ack, transaction } = service.query(input, ctx.body, ctx.appId, ctx.explanation);
    recordTransaction(res, transaction);
    res.json(ack);
  });
  return router;
}
