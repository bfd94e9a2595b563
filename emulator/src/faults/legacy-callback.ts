import type { StkCallback } from 'daraja-client/wire';

/**
 * An STK callback as 2017-2019 Daraja worded it: failure descriptions carried the `[STK_CB - ]` prefix
 * (seen on 1032 "Request cancelled by user"; applied to every failure here, which is an inference).
 * Ids are left alone: rewriting them only in the callback would break its link to the acknowledgement;
 * the `ids.style: legacy` setting changes them everywhere.
 */
export function legacyStkCallback(body: unknown): StkCallback | undefined {
  const cb = (body as Partial<StkCallback> | undefined)?.Body?.stkCallback;
  if (!cb || typeof cb.ResultCode !== 'number') return undefined;
  if (cb.ResultCode === 0 || cb.ResultDesc.startsWith('[STK_CB - ]'))
    return { Body: { stkCallback: { ...cb } } };
  return { Body: { stkCallback: { ...cb, ResultDesc: `[STK_CB - ]${cb.ResultDesc}` } } };
}
