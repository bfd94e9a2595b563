import { DarajaErrors } from 'daraja-client/wire';
import type { Settings } from 'daraja-client/emulator';
import { DarajaError } from '../../http/daraja-error.js';
import { checkCallbackUrl } from '../../callbacks/url-policy.js';
import { readAmount, readShortcode, readText, type Read } from '../../validation/fields.js';

/** A B2B Express Checkout request after validation, in the ledger's terms. */
export interface ExpressCheckoutInput {
  till: string;
  receiver: string;
  amount: number;
  paymentRef: string;
  callbackUrl: string;
  partnerName: string;
  requestRefId: string;
}

function need<T>(field: string, read: Read<T>): T {
  if (read.ok) return read.value;
  throw new DarajaError(DarajaErrors.invalidField(field), `${field}: ${read.reason}.`);
}

/**
 * Checks the camelCase fields in the order the portal lists them, so the first bad one is reported. A body
 * written in the spelling of the other Daraja APIs (`CallBackURL`, `Amount`) is told what this API expects.
 */
export function validateExpressCheckout(
  body: Record<string, unknown>,
  settings: Settings,
): ExpressCheckoutInput {
  const till = need('primaryShortCode', readShortcode(body.primaryShortCode));
  const receiver = need('receiverShortCode', readShortcode(body.receiverShortCode));
  const amount = need('amount', readAmount(body.amount, settings.stk.fractionalAmounts));
  const paymentRef = need('paymentRef', readText(body.paymentRef));
  if (body.callbackUrl === undefined && (body.CallBackURL !== undefined || body.callbackURL !== undefined)) {
    throw new DarajaError(
      DarajaErrors.invalidField('callbackUrl'),
      'callbackUrl is missing: this API spells the key in camelCase, "callbackUrl", unlike the CallBackURL of the other Daraja APIs.',
    );
  }
  const url = checkCallbackUrl(body.callbackUrl, settings.callbacks);
  if (!url.ok) throw new DarajaError(DarajaErrors.invalidField('callbackUrl'), `callbackUrl: ${url.reason}.`);
  const partnerName = need('partnerName', readText(body.partnerName));
  if (body.RequestRefID === undefined && body.requestRefId !== undefined) {
    throw new DarajaError(
      DarajaErrors.invalidField('RequestRefID'),
      'RequestRefID is missing: the body has "requestRefId"; Daraja expects "RequestRefID" with a capital R and ID.',
    );
  }
  const requestRefId = need('RequestRefID', readText(body.RequestRefID));
  if (till === receiver) {
    throw new DarajaError(
      DarajaErrors.invalidField('receiverShortCode'),
      `receiverShortCode: ${receiver} is the till being charged; a till cannot pay itself.`,
    );
  }
  return {
    till,
    receiver,
    amount,
    paymentRef,
    callbackUrl: body.callbackUrl as string,
    partnerName,
    requestRefId,
  };
}
