import { DarajaErrors } from 'daraja-client/wire';
import type { Settings } from 'daraja-client/emulator';
import { DarajaError } from '../../http/daraja-error.js';
import { checkCallbackUrl } from '../../callbacks/url-policy.js';
import {
  readAmount,
  readMsisdn,
  readShortcode,
  readText,
  readTimestamp,
  type Read,
} from '../../validation/fields.js';

/** An STK push request after validation, in the ledger's terms. */
export interface StkPushInput {
  shortcode: string;
  password: string;
  timestamp: string;
  transactionType: 'CustomerPayBillOnline' | 'CustomerBuyGoodsOnline';
  amount: number;
  partyA: string;
  partyB: string;
  phone: string;
  callbackUrl: string;
  accountReference: string;
  description: string;
}

function need<T>(field: string, read: Read<T>, errorField = field): T {
  if (read.ok) return read.value;
  throw new DarajaError(DarajaErrors.invalidField(errorField), `${field}: ${read.reason}.`);
}

/** Checks fields in Daraja's order, so the first bad one is the one reported. */
export function validateStkPush(body: Record<string, unknown>, settings: Settings): StkPushInput {
  const shortcode = need('BusinessShortCode', readShortcode(body.BusinessShortCode));
  const password = need('Password', readText(body.Password));
  const timestamp = need('Timestamp', readTimestamp(body.Timestamp));
  const type = body.TransactionType;
  if (type !== 'CustomerPayBillOnline' && type !== 'CustomerBuyGoodsOnline') {
    throw new DarajaError(
      DarajaErrors.invalidField('TransactionType'),
      `TransactionType: ${JSON.stringify(type ?? null)} is not "CustomerPayBillOnline" or "CustomerBuyGoodsOnline".`,
    );
  }
  const amount = need('Amount', readAmount(body.Amount, settings.stk.fractionalAmounts));
  // When both numbers are bad (the local 07... form in both, typically), Daraja blames PhoneNumber (SPEC 1.8).
  const partyARead = readMsisdn(body.PartyA);
  const phoneRead = readMsisdn(body.PhoneNumber);
  if (!partyARead.ok && !phoneRead.ok) need('PhoneNumber', phoneRead);
  const partyA = need('PartyA', partyARead);
  const partyB = need('PartyB', readShortcode(body.PartyB));
  const phone = need('PhoneNumber', phoneRead);
  if (body.CallBackURL === undefined && body.CallbackURL !== undefined) {
    throw new DarajaError(
      DarajaErrors.invalidField('CallBackURL'),
      'CallBackURL is missing: the body has "CallbackURL"; Daraja spells the key with a capital B, "CallBackURL".',
    );
  }
  const url = checkCallbackUrl(body.CallBackURL, settings.callbacks);
  if (!url.ok) throw new DarajaError(DarajaErrors.invalidField('CallBackURL'), `CallBackURL: ${url.reason}.`);
  const accountReference = need('AccountReference', readText(body.AccountReference));
  const description = body.TransactionDesc;
  if (typeof description !== 'string' || description.trim() === '') {
    throw new DarajaError(
      DarajaErrors.invalidField('Remarks'),
      `TransactionDesc: ${description === undefined ? 'missing' : JSON.stringify(description)}; Daraja requires it and reports it under its internal name "Remarks".`,
    );
  }
  return {
    shortcode,
    password,
    timestamp,
    transactionType: type,
    amount,
    partyA,
    partyB,
    phone,
    callbackUrl: body.CallBackURL as string,
    accountReference,
    description,
  };
}
