import type { DarajaErrorTemplate } from 'daraja-client/wire';
import type { Exchange } from './exchange.js';

/** One Daraja endpoint as the gateway serves it. */
export interface DarajaRoute {
  method: 'GET' | 'POST';
  /** Daraja's path, as in DarajaPaths (matched case-insensitively, trailing slash allowed). */
  path: string;
  /** The API's name in the journal and in fault rules. */
  api: string;
  /**
   * The bearer token check, with the error this API answers a bad token with; absent for the token
   * endpoint itself.
   */
  invalidToken?: DarajaErrorTemplate;
  /**
   * How the API's documentation says it answers a body that is not a JSON object: `invalid-payload` =
   * 400.002.05 Invalid Request Payload (C2B, Transaction Status); unset = the first field is reported
   * invalid, as for any body Daraja could not read. The `http.malformedBody` setting can override both.
   */
  malformedBody?: 'invalid-payload';
  /** Answers the request (with sendJson) or throws a DarajaError; runs after the token check. */
  handle(exchange: Exchange): void;
}
