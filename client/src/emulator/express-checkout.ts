import { CONTROL_PREFIX } from './control.js';

/** Acting as a till's operator on a B2B Express Checkout prompt, and choosing a till's nominated phone. */
export const ExpressCheckoutControlPaths = {
  accept: (id: string) => `${CONTROL_PREFIX}/express-checkout/${encodeURIComponent(id)}/accept`,
  decline: (id: string) => `${CONTROL_PREFIX}/express-checkout/${encodeURIComponent(id)}/decline`,
  timeout: (id: string) => `${CONTROL_PREFIX}/express-checkout/${encodeURIComponent(id)}/timeout`,
  operator: (till: string) => `${CONTROL_PREFIX}/express-checkout/tills/${encodeURIComponent(till)}/operator`,
} as const;
