/**
 * Emulates the M-Pesa Express query: the status of a push by CheckoutRequestID. While the prompt is open
 * it answers as today's sandbox (200, ResultCode "4999") or, if configured, as the legacy gateway
 * (500.001.1001 "The transaction is being processed"). Afterwards it mirrors the callback, with the
 * ResultCode as a string.
 */
import {
  DarajaErrors,
  StkResult,
  STK_QUERY_DESCRIPTION,
  STK_QUERY_DESCRIPTION_CORRECT,
  STK_QUERY_CANCELLED_TEXTS,
  type StkQueryResponse,
} from 'daraja-client/wire';
import type { Settings } from 'daraja-client/emulator';
import { DarajaError } from '../../http/daraja-error.js';
import type { Ledger } from '../../ledger/ledger.js';
import type { Transactions } from '../../ledger/transactions.js';
import type { Clock } from '../../time/clock.js';
import { readShortcode, readText, readTimestamp, type Read } from '../../validation/fields.js';
import { checkStkCredentials } from '../stk-push/credentials.js';

function need<T>(field: string, read: Read<T>): T {
  if (read.ok) return read.value;
  throw new DarajaError(DarajaErrors.invalidField(field), `${field}: ${read.reason}.`);
}

export class StkQueryService {
  constructor(
    private readonly ledger: Ledger,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  query(
    body: Record<string, unknown>,
    settings: Settings,
    notes: string[],
  ): { response: StkQueryResponse; transactionId: string } {
    const shortcode = need('BusinessShortCode', readShortcode(body.BusinessShortCode));
    const password = need('Password', readText(body.Password));
    const timestamp = need('Timestamp', readTimestamp(body.Timestamp));
    const checkoutId = need('CheckoutRequestID', readText(body.CheckoutRequestID));
    checkStkCredentials(this.ledger, settings, shortcode, password, timestamp, this.clock.now(), notes);
    const t = this.transactions.get(checkoutId);
    if (!t || t.type !== 'stk') {
      throw new DarajaError(
        DarajaErrors.invalidField('CheckoutRequestID'),
        `CheckoutRequestID "${checkoutId}" was not issued by this emulator (or was cleared by a reset).`,
      );
    }
    if (t.shortcode !== shortcode) {
      throw new DarajaError(
        DarajaErrors.invalidField('CheckoutRequestID'),
        `CheckoutRequestID "${checkoutId}" belongs to shortcode ${t.shortcode}, not ${shortcode}.`,
      );
    }
    const description =
      settings.stk.querySpelling === 'successsfully' ? STK_QUERY_DESCRIPTION : STK_QUERY_DESCRIPTION_CORRECT;
    const base = {
      ResponseCode: '0',
      ResponseDescription: description,
      MerchantRequestID: t.merchantRequestId ?? '',
      CheckoutRequestID: t.id,
    };
    if (t.status === 'pending') {
      if (settings.stk.queryPending === 'legacy') {
        throw new LegacyPendingError(t.id);
      }
      return {
        response: {
          ...base,
          ResultCode: String(StkResult.stillProcessing.code),
          ResultDesc: StkResult.stillProcessing.desc,
        },
        transactionId: t.id,
      };
    }
    // The query words a cancelled prompt its own way (the 2026 capture); older wordings stay selectable.
    const cancelled = t.resultCode === StkResult.cancelled.code && t.resultDesc === StkResult.cancelled.desc;
    const resultDesc = cancelled
      ? STK_QUERY_CANCELLED_TEXTS[settings.stk.queryCancelledText]
      : (t.resultDesc ?? '');
    return {
      response: { ...base, ResultCode: String(t.resultCode), ResultDesc: resultDesc },
      transactionId: t.id,
    };
  }
}

/** The legacy "still processing" answer, which used the CheckoutRequestID as its requestId. */
export class LegacyPendingError extends DarajaError {
  constructor(readonly checkoutRequestId: string) {
    super(
      DarajaErrors.transactionBeingProcessed,
      'The prompt is still open (legacy pending answer, stk.queryPending = "legacy").',
    );
  }
}
