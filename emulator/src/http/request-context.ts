import type { Response } from 'express';

/** What a request learned on its way through, kept on `res.locals` for the journal. */
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

export function context(res: Response): RequestContext {
  return res.locals as RequestContext;
}

/** Adds a plain-English note to this request's journal entry. */
export function explain(res: Response, ...notes: string[]): void {
  context(res).explanation.push(...notes);
}

/** Links this request's journal entry to the transaction it started, with any fault rules that shaped it. */
export function recordTransaction(res: Response, transaction: { id: string; rules?: string[] }): void {
  const ctx = context(res);
  ctx.transactionId = transaction.id;
  for (const rule of transaction.rules ?? []) if (!ctx.rules.includes(rule)) ctx.rules.push(rule);
}
