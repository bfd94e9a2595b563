import { describe, expect, it } from 'vitest';
import { readAnswerCapture } from '../test-support/captures.js';
import {
  AuthenticationError,
  BadRequestError,
  DarajaError,
  DuplicateRequestError,
  InvalidTokenError,
  MerchantError,
  RateLimitError,
  ServerError,
  SubscriberLockedError,
  TransactionInProgressError,
  WrongCredentialsError,
} from './daraja-error.js';
import { errorFromResponse, type FailedResponse } from './error-from-response.js';

const envelope = (errorCode: string, errorMessage: string) => ({
  requestId: '6e86-45dd-91ac-fd5d4178ab523792718',
  errorCode,
  errorMessage,
});

const cases: Array<[string, FailedResponse, new (...args: never[]) => DarajaError]> = [
  [
    '404.001.03 Invalid Access Token',
    { httpStatus: 404, body: envelope('404.001.03', 'Invalid Access Token'), endpoint: 'api' },
    InvalidTokenError,
  ],
  [
    '401.002.01 with an empty detail',
    {
      httpStatus: 401,
      body: envelope('401.002.01', 'Error Occurred - Invalid Access Token - '),
      endpoint: 'api',
    },
    InvalidTokenError,
  ],
  [
    '400.003.01 on C2B',
    { httpStatus: 400, body: envelope('400.003.01', 'Invalid Access Token'), endpoint: 'api' },
    InvalidTokenError,
  ],
  [
    '400.002.02 Invalid PhoneNumber',
    { httpStatus: 400, body: envelope('400.002.02', 'Bad Request - Invalid PhoneNumber'), endpoint: 'api' },
    BadRequestError,
  ],
  [
    '400.002.05 Invalid Request Payload',
    { httpStatus: 400, body: envelope('400.002.05', 'Invalid Request Payload'), endpoint: 'api' },
    BadRequestError,
  ],
  [
    '[MerchantValidate] - Wrong credentials',
    {
      httpStatus: 500,
      body: envelope('500.001.1001', '[MerchantValidate] - Wrong credentials'),
      endpoint: 'api',
    },
    WrongCredentialsError,
  ],
  [
    'the legacy Wrong credentials',
    { httpStatus: 500, body: envelope('500.001.1001', 'Wrong credentials'), endpoint: 'api' },
    WrongCredentialsError,
  ],
  [
    'Merchant does not exist',
    { httpStatus: 500, body: envelope('500.001.1001', 'Merchant does not exist'), endpoint: 'api' },
    MerchantError,
  ],
  [
    'Unable to lock subscriber',
    {
      httpStatus: 500,
      body: envelope(
        '500.001.1001',
        'Unable to lock subscriber, a transaction is already in process for the current subscriber',
      ),
      endpoint: 'api',
    },
    SubscriberLockedError,
  ],
  [
    'The transaction is being processed',
    {
      httpStatus: 500,
      body: {
        requestId: 'ws_CO_20022018230142206',
        errorCode: '500.001.1001',
        errorMessage: 'The transaction is being processed',
      },
      endpoint: 'api',
    },
    TransactionInProgressError,
  ],
  [
    '500.001.1001 Internal Server Error',
    { httpStatus: 500, body: envelope('500.001.1001', 'Internal Server Error'), endpoint: 'api' },
    ServerError,
  ],
  [
    'Duplicate OriginatorConversationID',
    {
      httpStatus: 500,
      body: envelope('500.002.1001', 'Duplicate OriginatorConversationID.'),
      endpoint: 'api',
    },
    DuplicateRequestError,
  ],
  [
    'Spike Arrest Violation',
    {
      httpStatus: 500,
      body: envelope('500.003.02', 'Error Occurred: Spike Arrest Violation'),
      endpoint: 'api',
    },
    RateLimitError,
  ],
  [
    'System is busy',
    {
      httpStatus: 500,
      body: envelope('500.003.02', 'System is busy. Please try again in few minutes.'),
      endpoint: 'api',
    },
    RateLimitError,
  ],
  [
    'Quota Violation',
    { httpStatus: 500, body: envelope('500.003.03', 'Error Occurred: Quota Violation'), endpoint: 'api' },
    RateLimitError,
  ],
  ['an Apigee HTTP 429', { httpStatus: 429, body: '', endpoint: 'api' }, RateLimitError],
  [
    'Urls are already registered',
    { httpStatus: 500, body: envelope('500.003.1001', 'Urls are already registered.'), endpoint: 'api' },
    ServerError,
  ],
  [
    'an HTML 503 page',
    { httpStatus: 503, body: '<html><body>Service Unavailable</body></html>', endpoint: 'api' },
    ServerError,
  ],
  ['an empty 502', { httpStatus: 502, body: '', endpoint: 'api' }, ServerError],
  [
    'an empty OAuth 400 (wrong key or secret)',
    { httpStatus: 400, body: '', endpoint: 'oauth' },
    AuthenticationError,
  ],
  [
    'OAuth 400.008.01',
    {
      httpStatus: 400,
      body: { errorCode: '400.008.01', errorMessage: 'Invalid Authentication passed' },
      endpoint: 'oauth',
    },
    AuthenticationError,
  ],
  [
    'OAuth 400.008.02',
    { httpStatus: 400, body: envelope('400.008.02', 'Invalid grant type passed'), endpoint: 'oauth' },
    AuthenticationError,
  ],
  ['an OAuth 500', { httpStatus: 500, body: '', endpoint: 'oauth' }, ServerError],
  ['an empty 404 (unknown path)', { httpStatus: 404, body: '', endpoint: 'api' }, DarajaError],
  ['a 403 firewall page', { httpStatus: 403, body: '<html>Forbidden</html>', endpoint: 'api' }, DarajaError],
];

describe('errorFromResponse', () => {
  it.each(cases)('maps %s to the right class', (_name, response, expected) => {
    const error = errorFromResponse(response);
    expect(error).toBeInstanceOf(expected);
    expect(error.constructor).toBe(expected);
    expect(error.httpStatus).toBe(response.httpStatus);
  });

  it('carries requestId, errorCode and errorMessage from the envelope', () => {
    const error = errorFromResponse({
      httpStatus: 400,
      body: envelope('400.002.02', 'Bad Request - Invalid Timestamp'),
      endpoint: 'api',
    });
    expect(error).toMatchObject({
      requestId: '6e86-45dd-91ac-fd5d4178ab523792718',
      errorCode: '400.002.02',
      errorMessage: 'Bad Request - Invalid Timestamp',
      httpStatus: 400,
    });
    expect(error.message).toContain('Bad Request - Invalid Timestamp');
  });

  it('reads the field named in Bad Request - Invalid <Field>', () => {
    const error = errorFromResponse({
      httpStatus: 400,
      body: envelope('400.002.02', 'Bad Request - Invalid CallBackURL'),
      endpoint: 'api',
    });
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).field).toBe('CallBackURL');
  });

  it('keeps a short excerpt of an HTML body as the error message', () => {
    const page = `<html>${'x'.repeat(1000)}</html>`;
    const error = errorFromResponse({ httpStatus: 503, body: page, endpoint: 'api' });
    expect(error.errorMessage?.length).toBeLessThanOrEqual(200);
    expect(error.errorCode).toBeUndefined();
  });

  it('maps the captured B2Pochi 401 to InvalidTokenError', () => {
    const capture = readAnswerCapture('sandbox/b2c-pochi.json');
    const error = errorFromResponse({ httpStatus: capture.status, body: capture.response, endpoint: 'api' });
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect(error.errorCode).toBe('401.002.01');
  });

  it('maps the captured Apigee 504 fault to ServerError with its faultstring', () => {
    const capture = readAnswerCapture('sandbox/billmanager-invoices.json');
    const error = errorFromResponse({ httpStatus: capture.status, body: capture.response, endpoint: 'api' });
    expect(error).toBeInstanceOf(ServerError);
    expect(error.errorMessage).toBe('Gateway Timeout');
  });

  it('maps the captured empty 404 to a plain DarajaError', () => {
    const capture = readAnswerCapture('sandbox/bonga-redeem.json');
    const error = errorFromResponse({ httpStatus: capture.status, body: capture.response, endpoint: 'api' });
    expect(error.constructor).toBe(DarajaError);
    expect(error.httpStatus).toBe(404);
  });
});
