import { MatchersV3 } from '@pact-foundation/pact';
import type { DarajaErrorTemplate } from 'daraja-client';

const { regex, equal } = MatchersV3;

/** Daraja's request ids: `xxxx-xxxx-xxxx-xxxxxxxxxxxx1234567` today, `12345-1234567-1` on older gateways. */
export const requestId = (example = 'a1b2-c3d4-e5f6-a1b2c3d4e5f61234567') =>
  regex(/^([0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\d{7}|\d{4,5}-\d{7,8}-\d)$/, example);

/** `ws_CO_` + DDMMYYYYHHmmss + milliseconds + the payer's national number. */
export const checkoutRequestId = (example = 'ws_CO_28112026093000123708374149') =>
  regex(/^ws_CO_\d{17}\d{9}$/, example);

/** `AG_` + YYYYMMDD + `_` + 20 hexadecimal characters. */
export const conversationId = (example = 'AG_20261128_0123456789abcdef0123') =>
  regex(/^AG_\d{8}_[0-9a-f]{20}$/, example);

/** Daraja's JSON content type, with or without a charset. */
export const jsonContentType = {
  'Content-Type': regex(/^application\/json(;\s?charset=(utf|UTF)-8)?$/, 'application/json'),
};

/** The error envelope: a varying requestId, a fixed code and message. */
export function errorBody(template: DarajaErrorTemplate) {
  return {
    requestId: requestId(),
    errorCode: equal(template.code),
    errorMessage: equal(template.message),
  };
}

/** A 10-character M-Pesa receipt, e.g. `UKS1A2B3C4`. */
export const receipt = (example = 'UKS1A2B3C4') => regex(/^[A-Z0-9]{10}$/, example);

/** `YYYYMMDDHHmmss` in East Africa Time, as a number (STK TransactionDate, result times). */
export const eatNumber = (example = 20261128093012) => MatchersV3.integer(example);

/** `YYYYMMDDHHmmss` in East Africa Time, as a string (C2B TransTime). */
export const eatString = (example = '20261128093012') => regex(/^\d{14}$/, example);
