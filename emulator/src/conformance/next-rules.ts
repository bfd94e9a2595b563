import type { DeliveryKind, FaultEffect, FaultRuleInput } from 'daraja-client/emulator';

/*
 * Fault rules that fire once, for the next payment of a conformance run. They are named `conformance:…`, so
 * a run can find and remove the ones an interrupted run left behind.
 */

/** The next request to this API (and, for STK, its prompt) is decided this way. */
export function nextRequest(name: string, endpoint: string, effect: FaultEffect): FaultRuleInput {
  return { name: `conformance:${name}`, match: { endpoint }, times: 1, effect };
}

/** The next STK prompt ends this way. */
export function nextPrompt(name: string, effect: FaultEffect): FaultRuleInput {
  return nextRequest(name, 'stk-push', effect);
}

/** The next callback of this kind is changed (a fault rule that fires once). */
export function nextCallback(name: string, callback: DeliveryKind, effect: FaultEffect): FaultRuleInput {
  return { name: `conformance:${name}:callback`, match: { callback }, times: 1, effect };
}
