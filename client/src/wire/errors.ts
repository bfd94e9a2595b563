/**
 * Daraja's synchronous error catalogue. The HTTP status is the first three digits of the code.
 * Entries whose message depends on the request are functions.
 */
export const DarajaErrors = {
  invalidField: (field: string) => ({ code: '400.002.02', message: `Bad Request - Invalid ${field}` }),
  invalidPayload: { code: '400.002.05', message: 'Invalid Request Payload' },
  invalidAccessTokenC2B: { code: '400.003.01', message: 'Invalid Access Token' },
  badRequest: { code: '400.003.02', message: 'Bad Request' },
  invalidAuthentication: { code: '400.008.01', message: 'Invalid Authentication passed' },
  invalidGrantType: { code: '400.008.02', message: 'Invalid grant type passed' },
  invalidAccessTokenInitiator: (detail: string) => ({
    code: '401.002.01',
    message: `Error Occurred - Invalid Access Token - ${detail}`,
  }),
  resourceNotFound: { code: '404.001.01', message: 'Resource not found' },
  invalidAccessToken: { code: '404.001.03', message: 'Invalid Access Token' },
  invalidAuthenticationHeader: { code: '404.001.04', message: 'Invalid Authentication Header' },
  methodNotAllowed: (method: string) => ({ code: '405.001', message: `${method} Method Not Allowed` }),
  merchantDoesNotExist: { code: '500.001.1001', message: 'Merchant does not exist' },
  wrongCredentials: { code: '500.001.1001', message: '[MerchantValidate] - Wrong credentials' },
  wrongCredentialsLegacy: { code: '500.001.1001', message: 'Wrong credentials' },
  subscriberLocked: {
    code: '500.001.1001',
    message: 'Unable to lock subscriber, a transaction is already in process for the current subscriber',
  },
  transactionBeingProcessed: { code: '500.001.1001', message: 'The transaction is being processed' },
  internalServerError: { code: '500.001.1001', message: 'Internal Server Error' },
  duplicateOriginatorConversationId: { code: '500.002.1001', message: 'Duplicate OriginatorConversationID.' },
  urlsAlreadyRegistered: { code: '500.003.1001', message: 'Urls are already registered.' },
  serviceInternalError: { code: '500.003.1001', message: 'Internal Server Error' },
  spikeArrest: { code: '500.003.02', message: 'Error Occurred: Spike Arrest Violation' },
  systemBusy: { code: '500.003.02', message: 'System is busy. Please try again in few minutes.' },
  quotaViolation: { code: '500.003.03', message: 'Error Occurred: Quota Violation' },
  maintenance: {
    code: '500.003.1001',
    message: 'Service is currently under maintenance. Please try again later',
  },
} as const;

export interface DarajaErrorTemplate {
  code: string;
  message: string;
}

/** The HTTP status Daraja uses for an error code: its first three digits. */
export function statusForErrorCode(code: string): number {
  const status = Number(code.slice(0, 3));
  return Number.isInteger(status) && status >= 400 && status < 600 ? status : 500;
}
