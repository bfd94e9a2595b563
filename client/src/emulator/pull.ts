/** `GET /pull/registrations`: the shortcodes registered for Pull Transactions. */
export interface PullRegistrationView {
  shortcode: string;
  /** Normalised to 2547XXXXXXXX. */
  nominatedNumber: string;
  callbackUrl: string;
  registeredAt: number;
  appId?: string;
}
