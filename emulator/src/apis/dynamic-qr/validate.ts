import { DarajaErrors, QR_TRX_CODES, type QrTrxCode } from 'daraja-client/wire';
import type { Settings } from 'daraja-client/emulator';
import { DarajaError } from '../../http/daraja-error.js';
import { readAmount, readText, type Read } from '../../validation/fields.js';

/** A Dynamic QR request after validation. */
export interface DynamicQrInput {
  merchantName: string;
  refNo: string;
  amount: number;
  trxCode: QrTrxCode;
  cpi: string;
  size: number;
}

/** The side of the PNG when `Size` is left out, as the portal's samples use. */
export const DEFAULT_QR_SIZE = 300;
/** Bounds the emulator puts on `Size` so that one request cannot ask for a gigantic image. */
export const QR_SIZE_RANGE = { min: 50, max: 2000 } as const;

function need<T>(field: string, read: Read<T>): T {
  if (read.ok) return read.value;
  throw new DarajaError(DarajaErrors.invalidField(field), `${field}: ${read.reason}.`);
}

/** Checks the fields in the order the portal lists them, so the first bad one is the one reported. */
export function validateDynamicQr(body: Record<string, unknown>, settings: Settings): DynamicQrInput {
  const merchantName = need('MerchantName', readText(body.MerchantName));
  const refNo = need('RefNo', readText(body.RefNo));
  const amount = need('Amount', readAmount(body.Amount, settings.stk.fractionalAmounts));
  const trxCode = body.TrxCode;
  if (typeof trxCode !== 'string' || !(QR_TRX_CODES as readonly string[]).includes(trxCode)) {
    throw new DarajaError(
      DarajaErrors.invalidField('TrxCode'),
      `TrxCode: ${JSON.stringify(trxCode ?? null)} is not one of ${QR_TRX_CODES.join(', ')} (BG buy goods, WA agent withdrawal, PB paybill, SM send money, SB send to business).`,
    );
  }
  const cpi = need('CPI', readCpi(body.CPI, trxCode as QrTrxCode));
  const size = need('Size', readSize(body.Size));
  return { merchantName, refNo, amount, trxCode: trxCode as QrTrxCode, cpi, size };
}

/** The credit party: a 5-7 digit shortcode, or a 2547… / 2541… phone number for SM and SB. */
function readCpi(v: unknown, trxCode: QrTrxCode): Read<string> {
  const text =
    typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : typeof v === 'string' ? v.trim() : '';
  const phone = trxCode === 'SM' || trxCode === 'SB';
  if (phone ? /^(254[17]\d{8}|0[17]\d{8})$/.test(text) : /^\d{5,7}$/.test(text))
    return { ok: true, value: text };
  const wanted = phone ? 'a phone number (2547XXXXXXXX)' : 'a shortcode of 5 to 7 digits';
  return {
    ok: false,
    reason: `${v === undefined ? 'missing' : JSON.stringify(v)} is not ${wanted}, as TrxCode ${trxCode} needs`,
  };
}

function readSize(v: unknown): Read<number> {
  if (v === undefined || v === '') return { ok: true, value: DEFAULT_QR_SIZE };
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (Number.isInteger(n) && n >= QR_SIZE_RANGE.min && n <= QR_SIZE_RANGE.max) return { ok: true, value: n };
  return {
    ok: false,
    reason: `${JSON.stringify(v)} is not a whole number of pixels from ${QR_SIZE_RANGE.min} to ${QR_SIZE_RANGE.max}`,
  };
}
