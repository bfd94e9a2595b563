import { Router } from 'express';
import { DarajaPaths } from 'daraja-client/wire';
import type { Emulator } from '../../emulator.js';
import { context, recordTransaction } from '../../http/request-context.js';
import { initiatorToken } from '../initiator/token.js';
import type { TransactionStatusService } from './service.js';
import { validateTransactionStatus } from './validate.js';

export function transactionStatusRoutes(emulator: Emulator, service: TransactionStatusService): Router {
  const router = Router();
  router.post(
    DarajaPaths.transactionStatus,
    initiatorToken(emulator.oauth, 'transaction-status'),
    (req, res) => {
      const ctx = context(res);
      const input = validateTransactionStatus(req.body as Record<string, unknown>, emulator.settings.current);
      const { ack, transaction } = service.query(input, ctx.body, ctx.appId, ctx.explanation);
      recordTransaction(res, transaction);
      res.json(ack);
    },
  );
  return router;
}
