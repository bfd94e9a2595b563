import {
  DarajaPaths,
  type DynamicQrRequest,
  type DynamicQrResponse,
  QR_TRX_CODES,
  type QrTrxCode,
} from '../wire/index.js';
import type { RequestOptions } from '../http/transport.js';
import { requireAmount, requireOneOf, requireText } from '../validation/validate-input.js';
import type { ApiContext } from './api-context.js';
import { resolveShortcode } from './resolve-shortcode.js';

/** Input of `client.dynamicQr.generate`. */
export interface DynamicQrInput {
  merchantName: string;
  refNo: string;
  amount: number;
  /** BG buy goods (default), PB paybill, WA agent withdrawal, SM send money, SB send to business. */
  trxCode?: QrTrxCode | undefined;
  /** Till, paybill, agent till or phone number to pay; defaults to the configured shortcode. */
  cpi?: string | number | undefined;
  /** Side of the square PNG in pixels; default 300. */
  size?: number | undefined;
}

/** Dynamic QR: M-Pesa QR codes that customers scan to pay. */
export class DynamicQrApi {
  readonly #context: ApiContext;

  /** Creates the API over the shared context. */
  constructor(context: ApiContext) {
    this.#context = context;
  }

  /** Generates a code (`/mpesa/qrcode/v1/generate`); `QRCode` is a base64 PNG. */
  async generate(input: DynamicQrInput, options?: RequestOptions): Promise<DynamicQrResponse> {
    const trxCode = requireOneOf(input.trxCode ?? 'BG', 'trxCode', QR_TRX_CODES);
    const cpi =
      trxCode === 'SM' || trxCode === 'SB'
        ? requireText(String(input.cpi ?? ''), 'cpi')
        : resolveShortcode(this.#context, input.cpi, 'cpi');
    const body: DynamicQrRequest = {
      MerchantName: requireText(input.merchantName, 'merchantName'),
      RefNo: requireText(input.refNo, 'refNo'),
      Amount: requireAmount(input.amount),
      TrxCode: trxCode,
      CPI: String(cpi),
      Size: String(input.size ?? 300),
    };
    return this.#context.http.post<DynamicQrResponse>(DarajaPaths.dynamicQr, body, options);
  }
}
