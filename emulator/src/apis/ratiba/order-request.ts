import { RATIBA_ACCEPTED, RATIBA_PROCESSED, type RatibaAck } from 'daraja-client/wire';
import type { TransactionView } from 'daraja-client/emulator';
import type { IdFactory } from '../../ids/ids.js';
import { maskSecrets } from '../../journal/mask.js';
import type { StoredOrder } from './orders.js';
import type { RatibaInput } from './validate.js';

/** What an accepted standing-order request becomes: Daraja's acknowledgement, the order and its approval transaction. */
export interface OrderRequest {
  ack: RatibaAck;
  order: StoredOrder;
  transaction: TransactionView;
}

export interface OrderRequestContext {
  ids: IdFactory;
  now: number;
  /** When the approval prompt times out. */
  expiresAt: number;
  appId: string | undefined;
  /** The customer's phone has no network: the prompt never reaches it. */
  offline: boolean;
}

/** Builds the order awaiting approval, the pending transaction the phone and dashboard show, and the ack. */
export function orderRequest(input: RatibaInput, rawBody: unknown, c: OrderRequestContext): OrderRequest {
  const responseRefId = c.ids.uuid();
  const ack: RatibaAck = {
    ResponseHeader: {
      responseRefID: responseRefId,
      responseCode: '200',
      responseDescription: RATIBA_ACCEPTED,
      ResultDesc: RATIBA_PROCESSED,
    },
    ResponseBody: { responseDescription: RATIBA_ACCEPTED, responseCode: '200' },
  };
  const app = c.appId ? { appId: c.appId } : {};
  const order: StoredOrder = {
    id: c.ids.numericId(7),
    transactionId: responseRefId,
    requestRefId: input.customStoId ?? responseRefId,
    name: input.name,
    msisdn: input.msisdn,
    shortcode: input.shortcode,
    kind: input.kind,
    amount: input.amount,
    accountReference: input.accountReference,
    description: input.description,
    frequency: input.frequency,
    frequencyCode: input.frequencyCode,
    startDate: input.startDate,
    endDate: input.endDate,
    callbackUrl: input.callbackUrl,
    status: 'awaiting-approval',
    createdAt: c.now,
    ...app,
    nextIndex: 0,
    debits: [],
    paidCount: 0,
    failedCount: 0,
  };
  const transaction: TransactionView = {
    id: responseRefId,
    type: 'standing-order',
    status: 'pending',
    createdAt: c.now,
    updatedAt: c.now,
    ...app,
    shortcode: input.shortcode,
    phone: input.msisdn,
    amount: input.amount,
    accountReference: input.accountReference,
    description: `Standing order ${input.name}: ${input.frequency} from ${input.startDate} to ${input.endDate}`,
    callbackUrl: input.callbackUrl,
    expiresAt: c.expiresAt,
    request: maskSecrets(rawBody),
    response: ack,
    deliveries: [],
    ...(c.offline ? { unreachable: true as const } : {}),
  };
  return { ack, order, transaction };
}
