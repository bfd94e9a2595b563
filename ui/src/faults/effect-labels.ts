import {
  FAULT_EFFECT_TYPES,
  type ApigeeFormat,
  type DeliveryKind,
  type FaultEffectType,
  type FaultErrorName,
  type MalformedMode,
  type TruncateMode,
} from 'daraja-client/emulator';

/** What each effect does, in the words the form's select shows. */
export const effectLabels: Record<FaultEffectType, string> = {
  error: 'Daraja error envelope',
  'html-503': 'HTML error page (503)',
  'apigee-fault': 'Apigee gateway fault',
  reset: 'Connection reset',
  hang: 'Hang: never answer',
  delay: 'Delay the answer',
  truncate: 'Truncated response body',
  'stk-outcome': 'STK prompt result',
  'initiator-result': 'Initiator Result (B2C, reversal, …)',
  'callback-drop': 'Callback dropped',
  'callback-duplicate': 'Callback duplicated',
  'callback-delay': 'Callback delayed',
  'callback-reorder': 'Callback out of order',
  'callback-malformed': 'Callback malformed',
  'callback-legacy': 'Callback in 2017-2019 wording',
};

export const effectGroups = [
  { where: 'http', label: 'HTTP answer' },
  { where: 'stk', label: 'STK prompt' },
  { where: 'initiator', label: 'Initiator APIs' },
  { where: 'callback', label: 'Callback' },
] as const;

/** Effect types acting at `where`, in the client's order. */
export function effectsAt(where: (typeof effectGroups)[number]['where']): FaultEffectType[] {
  return (Object.keys(FAULT_EFFECT_TYPES) as FaultEffectType[]).filter(
    (t) => FAULT_EFFECT_TYPES[t] === where,
  );
}

export const errorLabels: Record<FaultErrorName, string> = {
  'spike-arrest': 'Spike arrest (500.003.02)',
  quota: 'Quota exceeded (500.003.03)',
  'system-busy': 'System busy',
  maintenance: 'Maintenance',
  'invalid-token': 'Invalid access token (the API’s own code)',
  'internal-error': 'Internal server error',
  'bad-request': 'Bad request',
  'invalid-payload': 'Invalid payload',
};

export const callbackLabels: Record<DeliveryKind, string> = {
  'stk-callback': 'STK callback',
  result: 'Result (initiator APIs)',
  'queue-timeout': 'Queue timeout',
  'c2b-validation': 'C2B validation',
  'c2b-confirmation': 'C2B confirmation',
  'express-checkout-callback': 'B2B Express Checkout callback',
  'ratiba-callback': 'Ratiba (standing order) callback',
  'bill-payment': 'Bill Manager payment',
};

export const apigeeFormatLabels: Record<ApigeeFormat, string> = {
  json: 'JSON (captured: 504 Gateway Timeout)',
  soap: 'SOAP-style XML',
};

export const truncateModeLabels: Record<TruncateMode, string> = {
  'invalid-json': 'A complete response with invalid JSON',
  'cut-connection': 'The connection drops midway',
};

export const malformedModeLabels: Record<MalformedMode, string> = {
  truncated: 'JSON cut in half',
  'not-json': 'Not JSON at all (an HTML snippet)',
};
