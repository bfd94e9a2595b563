import type { SinkReply, SinkRequest } from '../testing/callback-sink.js';

/** How the sink answers: as a healthy app, with 500, not at all, or refusing C2B validation. */
export type SinkMode = 'ok' | '500' | 'timeout' | 'reject';

export const SINK_MODES: readonly SinkMode[] = ['ok', '500', 'timeout', 'reject'];

/** A C2B validation request: the path says so, or the body is a C2B notification without a balance yet. */
export function isValidation(request: SinkRequest): boolean {
  if (/validat/i.test(request.path)) return true;
  const body = request.body as Record<string, unknown> | undefined;
  return typeof body?.TransID === 'string' && body.OrgAccountBalance === '' && !/confirm/i.test(request.path);
}

/**
 * The acknowledgement Daraja expects: `{"ResultCode":0,"ResultDesc":"Accepted"}` for callbacks, and for C2B
 * validation `"0"` to accept or a C2B000xx code to reject.
 */
export function sinkReply(mode: SinkMode, rejectCode: string): (request: SinkRequest) => SinkReply {
  return (request) => {
    if (mode === 'timeout') return { status: 0, hang: true };
    if (mode === '500') return { status: 500, body: { ResultCode: 1, ResultDesc: 'Internal Server Error' } };
    if (isValidation(request)) {
      return mode === 'reject'
        ? { status: 200, body: { ResultCode: rejectCode, ResultDesc: 'Rejected' } }
        : { status: 200, body: { ResultCode: '0', ResultDesc: 'Accepted' } };
    }
    return { status: 200, body: { ResultCode: 0, ResultDesc: 'Accepted' } };
  };
}
