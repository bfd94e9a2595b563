import type {
  BillManagerControlPaths,
  C2bControlPaths,
  ControlPaths as ClientPaths,
  ExpressCheckoutControlPaths,
  RatibaControlPaths,
  SimControlPaths,
} from 'daraja-client/emulator';

/**
 * The control API's paths. The client's `ControlPaths` is imported as a type only, so the UI bundle does not
 * carry the client; the annotation makes the compiler reject any path that drifts from the client's spelling.
 */
export const ControlPaths: typeof ClientPaths = {
  health: '/_emulator/health',
  ready: '/_emulator/ready',
  reset: '/_emulator/reset',
  settings: '/_emulator/settings',
  transactions: '/_emulator/transactions',
  transaction: (id) => `/_emulator/transactions/${encodeURIComponent(id)}`,
  deliveries: '/_emulator/deliveries',
  resend: (id) => `/_emulator/deliveries/${encodeURIComponent(id)}/resend`,
  journal: '/_emulator/journal',
  customers: '/_emulator/customers',
  customer: (msisdn) => `/_emulator/customers/${encodeURIComponent(msisdn)}`,
  messages: (msisdn) => `/_emulator/customers/${encodeURIComponent(msisdn)}/messages`,
  shortcodes: '/_emulator/shortcodes',
  apps: '/_emulator/apps',
  stkAccept: (id) => `/_emulator/stk/${encodeURIComponent(id)}/accept`,
  stkDecline: (id) => `/_emulator/stk/${encodeURIComponent(id)}/decline`,
  stkTimeout: (id) => `/_emulator/stk/${encodeURIComponent(id)}/timeout`,
  clock: '/_emulator/clock',
  clockAdvance: '/_emulator/clock/advance',
  clockRunAll: '/_emulator/clock/run-all',
  live: '/_emulator/live',
};

/** The C2B routes the phone's menu and the businesses view use. */
export const C2bPaths: Pick<typeof C2bControlPaths, 'payments' | 'registrations' | 'validation'> = {
  payments: '/_emulator/c2b/payments',
  registrations: '/_emulator/c2b/registrations',
  validation: (shortcode) => `/_emulator/c2b/shortcodes/${encodeURIComponent(shortcode)}/validation`,
};

/** M-Pesa's own account, where transaction charges go (InitiatorControlPaths.operator). */
export const OperatorPath = '/_emulator/operator';

/** The SIM behind a phone (SimControlPaths): what the IMSI and SIM Swap checks report. */
export const SimPaths: typeof SimControlPaths = {
  sim: (msisdn) => `/_emulator/sims/${encodeURIComponent(msisdn)}`,
  swap: (msisdn) => `/_emulator/sims/${encodeURIComponent(msisdn)}/swap`,
};

/** The till operator's answers to a B2B Express Checkout prompt. */
export const ExpressCheckoutPaths: typeof ExpressCheckoutControlPaths = {
  accept: (id) => `/_emulator/express-checkout/${encodeURIComponent(id)}/accept`,
  decline: (id) => `/_emulator/express-checkout/${encodeURIComponent(id)}/decline`,
  timeout: (id) => `/_emulator/express-checkout/${encodeURIComponent(id)}/timeout`,
  operator: (till) => `/_emulator/express-checkout/tills/${encodeURIComponent(till)}/operator`,
};

/** Ratiba: the customer's approval prompt and standing orders (RatibaControlPaths). */
export const RatibaPaths: typeof RatibaControlPaths = {
  orders: '/_emulator/ratiba/orders',
  accept: (id) => `/_emulator/ratiba/${encodeURIComponent(id)}/accept`,
  decline: (id) => `/_emulator/ratiba/${encodeURIComponent(id)}/decline`,
  timeout: (id) => `/_emulator/ratiba/${encodeURIComponent(id)}/timeout`,
  stop: (id) => `/_emulator/ratiba/orders/${encodeURIComponent(id)}/stop`,
};

/** Bill Manager: the invoices a phone shows (BillManagerControlPaths). */
export const BillPaths: typeof BillManagerControlPaths = {
  billers: '/_emulator/bill-manager/billers',
  invoices: '/_emulator/bill-manager/invoices',
};
