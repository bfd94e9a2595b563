import type { Exchange } from './exchange.js';

/** What a Daraja request learned on its way through the gateway, for the journal. */
export interface RequestContext {
  requestId: string;
  api?: string;
  appId?: string;
  explanation: string[];
  transactionId?: string;
  rules: string[];
  /** Body as parsed (undefined when it was not JSON). */
  body?: unknown;
  responseBody?: unknown;
}

/** Adds a plain-English note to this request's journal entry. */
export function explain(exchange: Exchange, ...notes: string[]): void {
  exchange.ctx.explanation.push(...notes);
}

/** Links this request's journal entry to the transaction it started, with any fault rules that shaped it. */
export function recordTransaction(exchange: Exchange, transaction: { id: string; rules?: string[] }): void {
  const ctx = exchange.ctx;
  ctx.transactionId = transaction.id;
  for (const rule of transaction.rules ?? []) if (!ctx.rules.includes(rule)) ctx.rules.push(rule);
}
