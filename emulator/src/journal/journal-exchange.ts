import type { Clock } from '../time/clock.js';
import type { Exchange } from '../http/exchange.js';
import type { Journal } from './journal.js';
import { maskSecrets } from './mask.js';

/**
 * Records a Daraja exchange in the journal once its answer has been sent, or once the connection ended
 * without a complete answer (a reset or hang fault, or a client that gave up: then with the status sent, if
 * any, else 0). Bodies are masked before they are kept.
 */
export function journalExchange(journal: Journal, clock: Clock, x: Exchange): void {
  const { ctx, res } = x;
  const started = clock.now();
  const t0 = process.hrtime.bigint();
  let recorded = false;
  const record = () => {
    if (recorded) return;
    recorded = true;
    journal.record({
      id: ctx.requestId,
      at: started,
      method: x.method,
      path: x.path,
      ...(ctx.api ? { api: ctx.api } : {}),
      ...(ctx.appId ? { appId: ctx.appId } : {}),
      status: res.writableFinished || res.headersSent ? res.statusCode : 0,
      requestBody: maskSecrets(ctx.body),
      responseBody: maskSecrets(ctx.responseBody ?? ''),
      explanation: ctx.explanation,
      ...(ctx.transactionId ? { transactionId: ctx.transactionId } : {}),
      ...(ctx.rules.length ? { rules: ctx.rules } : {}),
      durationMs: Number(process.hrtime.bigint() - t0) / 1e6,
    });
  };
  res.once('finish', record);
  res.once('close', record);
}
