/** The control API under `/_emulator/`: paths and bodies. Daraja has no such API; tests and the UI use it. */

export const CONTROL_PREFIX = '/_emulator';

export const ControlPaths = {
  health: `${CONTROL_PREFIX}/health`,
  ready: `${CONTROL_PREFIX}/ready`,
  reset: `${CONTROL_PREFIX}/reset`,
  settings: `${CONTROL_PREFIX}/settings`,
  transactions: `${CONTROL_PREFIX}/transactions`,
  transaction: (id: string) => `${CONTROL_PREFIX}/transactions/${encodeURIComponent(id)}`,
  deliveries: `${CONTROL_PREFIX}/deliveries`,
  resend: (id: string) => `${CONTROL_PREFIX}/deliveries/${encodeURIComponent(id)}/resend`,
  journal: `${CONTROL_PREFIX}/journal`,
  customers: `${CONTROL_PREFIX}/customers`,
  customer: (msisdn: string) => `${CONTROL_PREFIX}/customers/${encodeURIComponent(msisdn)}`,
  messages: (msisdn: string) => `${CONTROL_PREFIX}/customers/${encodeURIComponent(msisdn)}/messages`,
  shortcodes: `${CONTROL_PREFIX}/shortcodes`,
  apps: `${CONTROL_PREFIX}/apps`,
  stkAccept: (checkoutRequestId: string) =>
    `${CONTROL_PREFIX}/stk/${encodeURIComponent(checkoutRequestId)}/accept`,
  stkDecline: (checkoutRequestId: string) =>
    `${CONTROL_PREFIX}/stk/${encodeURIComponent(checkoutRequestId)}/decline`,
  stkTimeout: (checkoutRequestId: string) =>
    `${CONTROL_PREFIX}/stk/${encodeURIComponent(checkoutRequestId)}/timeout`,
  clock: `${CONTROL_PREFIX}/clock`,
  clockAdvance: `${CONTROL_PREFIX}/clock/advance`,
  clockRunAll: `${CONTROL_PREFIX}/clock/run-all`,
  live: `${CONTROL_PREFIX}/live`,
} as const;

/** `POST /stk/:id/accept`: the PIN the customer typed. */
export interface StkAcceptBody {
  pin: string;
}

/** `POST /clock/advance`. */
export interface ClockAdvanceBody {
  ms: number;
}

/** `POST /customers`: add or replace a customer. */
export interface CustomerUpsertBody {
  msisdn: string;
  name?: string;
  pin?: string;
  balance?: number;
}

/** `PATCH /customers/:msisdn`. */
export interface CustomerPatchBody {
  name?: string;
  pin?: string;
  balance?: number;
  offline?: boolean;
}

/** Errors from the control API: `{ error: { code, message } }` with a 4xx or 5xx status. */
/** `GET /_emulator/health`: 200 `ok`, or 503 `unhealthy` with why (the data file cannot be written, say). */
export type HealthView = { status: 'ok' } | { status: 'unhealthy'; reason: string };

export interface ControlErrorBody {
  error: { code: string; message: string };
}

/**
 * Paging of the history lists (`GET /transactions`, `/deliveries`, `/journal`): newest first, `limit` records
 * (default 200, at most 10,000) after skipping `offset`. The answer is the page as a JSON array; the
 * `X-Total-Count` header says how many records match the filter in all.
 */
export interface PageQuery {
  offset?: number;
  limit?: number;
  /** Case-insensitive search in the record's ids, phone, account reference, URL or path. */
  q?: string;
}

/** The header that carries the number of matching records beside a page. */
export const TOTAL_COUNT_HEADER = 'X-Total-Count';

/** Query filters of `GET /transactions`. */
export interface TransactionFilter extends PageQuery {
  type?: string;
  status?: string;
  phone?: string;
  shortcode?: string;
}

/** Query filters of `GET /deliveries`. */
export interface DeliveryFilter extends PageQuery {
  transactionId?: string;
  status?: string;
  kind?: string;
}

/** Query filters of `GET /journal`. */
export interface JournalFilter extends PageQuery {
  api?: string;
  /** One HTTP status, e.g. 400. */
  status?: number;
  /** Only requests answered 4xx or 5xx. */
  rejected?: boolean;
  transactionId?: string;
}
