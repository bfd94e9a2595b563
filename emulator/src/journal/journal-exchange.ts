import type { Clock } from '../time/clock.js';
import type { Exchange } from '../http/exchange.js';
import type { Journal } from './journal.js';
import { maskSecrets } from './mask.js';

/**
 * Records a Daraja exchange in the journal once its answer has been sent, or once the connection ended
 * without a complete answer (a reset or hang fault, or a client that gave up: then with the status sent, if
 * any, else 0). Bodies are masked before they are kept.
 *
 * The gateway calls `answered` when the answer is complete but not yet sent: the exchange is recorded then,
 * so that the entry is written with the request's other records, unless a fault rule took part (a rule may
 * still cut the body as it goes out), in which case the entry waits for the end as above. `reopen` undoes
 * that when the answer could not be sent after all: the entry is recorded again at the end.
 */
export interface ExchangeRecorder {
  answered(): void;
  reopen(): void;
}

export function journalExchange(journal: Journal, clock: Clock, exchange: Exchange): ExchangeRecorder {
  const { ctx, res } = exchange;
  const started = clock.now();
  const t0 = process.hrtime.bigint();
  let recorded = false;
  let answered = false;
  const record = () => {
    if (recorded) return;
    recorded = true;
    journal.record({
      id: ctx.requestId,
      at: started,
      method: exchange.method,
      path: exchange.path,
      ...(ctx.api ? { api: ctx.api } : {}),
      ...(ctx.appId ? { appId: ctx.appId } : {}),
      status: answered || res.writableFinished || res.headersSent ? res.statusCode : 0,
      requestBody: maskSecrets(ctx.body),
      responseBody: maskSecrets(ctx.responseBody ?? ''),
      explanation: ctx.explanation,
      ...(ctx.transactionId ? { transactionId: ctx.transactionId } : {}),
      ...(ctx.rules.length ? { rules: ctx.rules } : {}),
      durationMs: Number(process.hrtime.bigint() - t0) / 1e6,
    });
  };
  // Called from the response's events, where a throw would end the process: an entry that cannot be
  // written (the disk is full) is dropped; the answer already told the client.
  const recordSafely = () => {
    try {
      record();
    } catch {
      // the store has reported why it cannot write
    }
  };
  res.once('finish', recordSafely);
  res.once('close', recordSafely);
  return {
    answered: () => {
      if (ctx.rules.length > 0) return;
      answered = true;
      record();
    },
    reopen: () => {
      answered = false;
      recorded = false;
    },
  };
}
