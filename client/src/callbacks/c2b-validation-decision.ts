import { type C2BRejectCode, C2BRejectCodes, type C2BValidationReply } from '../wire/index.js';

/** What an app decides about a C2B validation request. */
export type C2BValidationDecision =
  { accept: true; thirdPartyTransId?: string | undefined } | { accept: false; resultCode: C2BRejectCode };

/** Accepts the payment; `thirdPartyTransId` is echoed back in the confirmation. */
export function acceptC2B(thirdPartyTransId?: string): C2BValidationDecision {
  return { accept: true, thirdPartyTransId };
}

/** Rejects the payment with one of Daraja's codes (it picks the SMS the customer receives). */
export function rejectC2B(resultCode: C2BRejectCode = 'C2B00016'): C2BValidationDecision {
  if (!(resultCode in C2BRejectCodes)) throw new TypeError(`Unknown C2B reject code ${String(resultCode)}`);
  return { accept: false, resultCode };
}

/** The body Daraja expects from a ValidationURL for a decision; no decision means accept. */
export function validationReply(decision: C2BValidationDecision | void): C2BValidationReply {
  if (decision === undefined || decision.accept) {
    const reply: C2BValidationReply = { ResultCode: '0', ResultDesc: 'Accepted' };
    if (decision?.thirdPartyTransId !== undefined) reply.ThirdPartyTransID = decision.thirdPartyTransId;
    return reply;
  }
  return { ResultCode: decision.resultCode, ResultDesc: 'Rejected' };
}
