/** The C2B part of the control API: customer payments from a phone, registered URLs, external validation. */
import { CONTROL_PREFIX } from './control.js';

export const C2bControlPaths = {
  payments: `${CONTROL_PREFIX}/c2b/payments`,
  registrations: `${CONTROL_PREFIX}/c2b/registrations`,
  registration: (shortcode: string) => `${CONTROL_PREFIX}/c2b/registrations/${encodeURIComponent(shortcode)}`,
  validation: (shortcode: string) =>
    `${CONTROL_PREFIX}/c2b/shortcodes/${encodeURIComponent(shortcode)}/validation`,
} as const;

/** `POST /c2b/payments`: a customer pays a paybill (with an account number) or a till. */
export interface C2bPaymentBody {
  shortcode: string;
  msisdn: string;
  /** Whole shillings. */
  amount: number;
  /** The account number typed for a paybill. */
  billRefNumber?: string;
  /** When given, checked like a phone would: a wrong PIN fails the payment. */
  pin?: string;
}

export type C2bVersion = 'v1' | 'v2';

/** `GET /c2b/registrations`: the URLs registered per shortcode (the real sandbox cannot show them). */
export interface C2bRegistrationView {
  shortcode: string;
  responseType: 'Completed' | 'Cancelled';
  confirmationUrl: string;
  validationUrl?: string;
  version: C2bVersion;
  registeredAt: number;
}

/** `PUT /c2b/shortcodes/:shortcode/validation` takes `{ enabled }` and answers this. */
export interface C2bValidationView {
  shortcode: string;
  externalValidation: boolean;
}
