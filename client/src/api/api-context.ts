import type { DarajaHttp } from '../http/daraja-http.js';
import type { Initiator } from './initiator.js';

/** What every API class needs: the HTTP layer and the resolved settings. */
export interface ApiContext {
  http: DarajaHttp;
  initiator: Initiator;
  /** Clock for STK timestamps. */
  now: () => number;
  /** Generates B2C v3 OriginatorConversationIDs. */
  generateId: () => string;
  /** Production refuses plain-http callback URLs and C2B simulation. */
  production: boolean;
  shortcode: string | number | undefined;
  passkey: string | undefined;
}
