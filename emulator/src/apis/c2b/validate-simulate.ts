import { DarajaErrors, type C2BCommandId } from 'daraja-client/wire';
import { DarajaError } from '../../http/daraja-error.js';
import { readAmount, readMsisdn, readShortcode, type Read } from '../../validation/fields.js';

/** A simulate request after validation. */
export interface SimulateInput {
  shortcode: string;
  commandId: C2BCommandId;
  amount: number;
  msisdn: string;
  billRefNumber: string;
}

function need<T>(field: string, read: Read<T>, hint = ''): T {
  if (read.ok) return read.value;
  throw new DarajaError(DarajaErrors.invalidField(field), `${field}: ${read.reason}${hint}.`);
}

/**
 * Checks the fields in the documented order: ShortCode, CommandID, Amount (whole shillings), Msisdn (note the
 * casing) and BillRefNumber (a string, a number, null or absent; absent for a till).
 */
export function validateSimulate(body: Record<string, unknown>): SimulateInput {
  const shortcode = need('ShortCode', readShortcode(body.ShortCode), misspelt(body, 'ShortCode'));
  const commandId = body.CommandID;
  if (commandId !== 'CustomerPayBillOnline' && commandId !== 'CustomerBuyGoodsOnline') {
    throw new DarajaError(
      DarajaErrors.invalidField('CommandID'),
      `CommandID: ${JSON.stringify(commandId ?? null)} is not "CustomerPayBillOnline" or "CustomerBuyGoodsOnline".`,
    );
  }
  const amount = need('Amount', readAmount(body.Amount, 'reject'), ' (C2B amounts are whole shillings)');
  const msisdn = need('Msisdn', readMsisdn(body.Msisdn), misspelt(body, 'Msisdn'));
  const ref = body.BillRefNumber;
  if (ref !== undefined && ref !== null && typeof ref !== 'string' && typeof ref !== 'number') {
    throw new DarajaError(
      DarajaErrors.invalidField('BillRefNumber'),
      `BillRefNumber: ${JSON.stringify(ref)} is not a string.`,
    );
  }
  return {
    shortcode,
    commandId,
    amount,
    msisdn,
    billRefNumber: ref === undefined || ref === null ? '' : String(ref),
  };
}

/** Points at a key that differs from Daraja's only by case (`MSISDN`, `Shortcode`). */
function misspelt(body: Record<string, unknown>, field: string): string {
  if (body[field] !== undefined) return '';
  const other = Object.keys(body).find((k) => k !== field && k.toLowerCase() === field.toLowerCase());
  return other ? ` (the body has "${other}"; Daraja spells the key "${field}")` : '';
}
