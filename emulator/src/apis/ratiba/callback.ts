import { RatibaResult, type RatibaCallback, type ResultCodeEntry } from 'daraja-client/wire';
import type { StandingOrderView } from 'daraja-client/emulator';
import type { OrderRefs } from './orders.js';

/** `*********867`: the callback shows only the last three digits of the payer (Aug 2026 page). */
export function maskedMsisdn(msisdn: string): string {
  return `${'*'.repeat(Math.max(0, msisdn.length - 3))}${msisdn.slice(-3)}`;
}

/**
 * The one callback of a standing order request, in the published shapes: camelCase containers with
 * `name`/`value` items when the order was created, PascalCase with `Name`/`Value` when it was not.
 */
export function ratibaCallbackBody(
  refs: OrderRefs,
  msisdn: string,
  result: ResultCodeEntry,
  order?: StandingOrderView,
): RatibaCallback {
  const code = String(result.code);
  if (code === RatibaResult.created.code && order) {
    return {
      responseHeader: {
        responseRefID: refs.responseRefId,
        requestRefID: refs.requestRefId,
        responseCode: '0',
        responseDescription: RatibaResult.created.desc,
      },
      responseBody: {
        responseData: [
          { name: 'standingOrderName', value: order.name },
          { name: 'amount', value: order.amount.toFixed(2) },
          { name: 'issuePaymentReminderUntil', value: order.endDate },
          { name: 'reminderScheduleId', value: order.id },
          { name: 'firstPaymentReminderDate', value: order.startDate },
          { name: 'status', value: 'ACTIVE' },
          { name: 'TransactionID', value: order.id },
          { name: 'ResponseCode', value: '0' },
          { name: 'Status', value: 'OKAY' },
          { name: 'Msisdn', value: maskedMsisdn(msisdn) },
        ],
      },
    };
  }
  return {
    ResponseHeader: {
      responseRefID: refs.responseRefId,
      requestRefID: refs.requestRefId,
      responseCode: code,
      responseDescription: 'Error',
    },
    ResponseBody: {
      ResponseData: [
        { Name: 'TransactionID', Value: '0000000000' },
        { Name: 'responseCode', Value: code },
        { Name: 'Status', Value: 'ERROR' },
        { Name: 'Msisdn', Value: maskedMsisdn(msisdn) },
      ],
    },
  };
}
