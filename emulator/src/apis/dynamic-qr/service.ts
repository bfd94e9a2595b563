/**
 * Emulates Dynamic QR: turns a payment request into an M-Pesa QR code, a PNG whose content is the text a
 * Safaricom app reads when it scans (`TrxCode|CPI|Amount|RefNo`, as the sandbox's own image decodes to).
 * Daraja sends no callback: the payment arrives later as an ordinary Buy Goods or Pay Bill payment, which
 * the emulator's phones make by scanning the image. Each code is kept as a transaction so the dashboard can
 * show it. Simplified: codes never expire.
 */
import { DYNAMIC_QR_DESCRIPTION, qrPayloadText, type DynamicQrResponse } from 'daraja-client/wire';
import type { TransactionView } from 'daraja-client/emulator';
import type { Ledger } from '../../ledger/ledger.js';
import type { Transactions } from '../../ledger/transactions.js';
import type { Clock } from '../../time/clock.js';
import type { IdFactory } from '../../ids/ids.js';
import { maskSecrets } from '../../journal/mask.js';
import { qrPng } from './qr-png.js';
import type { DynamicQrInput } from './validate.js';

export interface DynamicQrDeps {
  ledger: Ledger;
  transactions: Transactions;
  clock: Clock;
  ids: IdFactory;
}

export class DynamicQrService {
  constructor(private readonly deps: DynamicQrDeps) {}

  generate(
    input: DynamicQrInput,
    rawBody: unknown,
    appId: string | undefined,
    notes: string[],
  ): { response: DynamicQrResponse; transaction: TransactionView } {
    const { ledger, transactions, clock, ids } = this.deps;
    const now = clock.now();
    const text = qrPayloadText({
      trxCode: input.trxCode,
      cpi: input.cpi,
      amount: input.amount,
      refNo: input.refNo,
    });
    const response: DynamicQrResponse = {
      ResponseCode: '00',
      ResponseDescription: DYNAMIC_QR_DESCRIPTION,
      QRCode: qrPng(text, input.size).toString('base64'),
    };
    notes.push(`The QR code reads "${text}" (TrxCode|CPI|Amount|RefNo); MerchantName is not part of it.`);
    const payee = ledger.org(input.cpi);
    if ((input.trxCode === 'BG' || input.trxCode === 'PB') && !payee) {
      notes.push(
        `No paybill or till ${input.cpi} in this emulator: Daraja draws the code anyway, but a phone that scans it cannot pay.`,
      );
    } else if (input.trxCode === 'BG' && payee?.kind !== 'till') {
      notes.push(
        `TrxCode BG is Buy Goods, but ${input.cpi} is a ${payee?.kind}: a phone that scans it pays it as a ${payee?.kind}.`,
      );
    }
    const transaction: TransactionView = {
      id: `QR_${ids.internalId()}`,
      type: 'dynamic-qr',
      status: 'completed',
      createdAt: now,
      updatedAt: now,
      ...(appId ? { appId } : {}),
      shortcode: input.cpi,
      amount: input.amount,
      accountReference: input.refNo,
      description: input.merchantName,
      request: maskSecrets(rawBody),
      response,
      deliveries: [],
    };
    transactions.put(transaction);
    return { response, transaction };
  }
}
