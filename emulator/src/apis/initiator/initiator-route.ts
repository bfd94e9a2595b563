import { DarajaErrors, type DarajaErrorTemplate } from 'daraja-client/wire';
import type { InitiatorApi } from 'daraja-client/emulator';
import type { DarajaRoute } from '../../http/daraja-route.js';
import { sendJson, type Exchange } from '../../http/exchange.js';
import { recordTransaction } from '../../http/request-context.js';

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

/**
 * A POST route of an initiator API that starts a transaction: `start` validates the body and hands it to the
 * service; the acknowledgement is sent and the transaction recorded against the request.
 */
export function initiatorRequestRoute(
  path: string,
  api: InitiatorApi,
  start: (exchange: Exchange) => { ack: unknown; transaction: { id: string; rules?: string[] } },
): DarajaRoute {
  return initiatorRoute(path, api, (exchange) => {
    const { ack, transaction } = start(exchange);
    recordTransaction(exchange, transaction);
    sendJson(exchange, ack);
  });
}
