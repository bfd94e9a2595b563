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
