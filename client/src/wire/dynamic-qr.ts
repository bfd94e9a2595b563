/**
 * Dynamic QR (`POST /mpesa/qrcode/v1/generate`): a PNG QR code that an M-Pesa app scans to pay a till,
 * a paybill, an agent or a phone with the amount and reference filled in (SPEC 12).
 */

/** What the QR code makes the payer do. */
export type QrTrxCode = 'BG' | 'WA' | 'PB' | 'SM' | 'SB';

export const QR_TRX_CODES: readonly QrTrxCode[] = ['BG', 'WA', 'PB', 'SM', 'SB'];

export interface DynamicQrRequest {
  MerchantName: string;
  RefNo: string;
  Amount: number | string;
  /** BG buy goods, WA withdraw at an agent till, PB paybill, SM send money to a phone, SB send to a business. */
  TrxCode: QrTrxCode;
  /** Credit party identifier: till, paybill, agent till or phone number. */
  CPI: string | number;
  /** Side of the square PNG, in pixels. */
  Size?: string | number;
}

export interface DynamicQrResponse {
  ResponseCode: '00';
  ResponseDescription: string;
  /** Base64 of a PNG image. */
  QRCode: string;
}

export const DYNAMIC_QR_DESCRIPTION = 'The service request is processed successfully.';

/** What an M-Pesa QR code says, as a scanning phone reads it. */
export interface QrPayload {
  trxCode: QrTrxCode;
  /** Till, paybill, agent till or phone number to pay. */
  cpi: string;
  /** Shillings. */
  amount: number;
  refNo: string;
}

/**
 * The text inside the PNG: `TrxCode|CPI|Amount|RefNo`, as the live sandbox's QR code decodes to
 * ("BG|174379|1|Invoice Test"). The merchant's name is not part of it; a paying phone looks it up.
 */
export function qrPayloadText(p: QrPayload): string {
  return [p.trxCode, p.cpi, String(p.amount), p.refNo].join('|');
}

/** Reads the text of a scanned M-Pesa QR code; `undefined` when it is not one. */
export function parseQrPayload(text: string): QrPayload | undefined {
  const parts = text.split('|');
  if (parts.length < 4) return undefined;
  const [code, cpi, amountText] = parts as [string, string, string];
  const refNo = parts.slice(3).join('|');
  if (!(QR_TRX_CODES as readonly string[]).includes(code)) return undefined;
  if (!/^\d{5,12}$/.test(cpi)) return undefined;
  const amount = Number(amountText);
  if (!/^\d+(\.\d+)?$/.test(amountText) || !Number.isFinite(amount)) return undefined;
  return { trxCode: code as QrTrxCode, cpi, amount, refNo };
}
