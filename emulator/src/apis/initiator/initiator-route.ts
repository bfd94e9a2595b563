import { DarajaErrors, type DarajaErrorTemplate } from 'daraja-client/wire';
import type { InitiatorApi } from 'daraja-client/emulator';
import type { DarajaRoute } from '../../http/daraja-route.js';
import type { Exchange } from '../../http/exchange.js';

/**
 * The error each initiator API answers a bad token with. B2C, B2Pochi, Account Balance and Transaction
 * Status answer `401.002.01 Error Occurred - Invalid Access Token - ` (empty detail, as captured from the
 * sandbox); Reversal's page documents `404.001.03 Invalid Access Token`.
 */
export function initiatorInvalidToken(api: InitiatorApi): DarajaErrorTemplate {
  return api === 'reversal' ? DarajaErrors.invalidAccessToken : DarajaErrors.invalidAccessTokenInitiator('');
}

/** A POST route of an initiator API, with its token check. */
export function initiatorRoute(
  path: string,
  api: InitiatorApi,
  handle: (exchange: Exchange) => void,
): DarajaRoute {
  return { method: 'POST', path, api, invalidToken: initiatorInvalidToken(api), handle };
}
