import type { RequestHandler } from 'express';
import { DarajaErrors } from 'daraja-client/wire';
import type { InitiatorApi } from 'daraja-client/emulator';
import type { OAuthService } from '../oauth/service.js';
import { requireToken } from '../../http/bearer.js';

/**
 * The token check of each initiator API. B2C, B2Pochi, Account Balance and Transaction Status answer
 * `401.002.01 Error Occurred - Invalid Access Token - ` (empty detail, as captured from the sandbox);
 * Reversal's page documents `404.001.03 Invalid Access Token`.
 */
export function initiatorToken(oauth: OAuthService, api: InitiatorApi): RequestHandler {
  const template =
    api === 'reversal' ? DarajaErrors.invalidAccessToken : DarajaErrors.invalidAccessTokenInitiator('');
  return requireToken(oauth, api, template);
}
