import type { SinkReply, SinkRequest } from '../testing/callback-sink.js';
import { isValidation } from './sink-reply.js';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What kind of Daraja callback a request is, and its gist, in a line. */
export function describeCallback(request: SinkRequest): string {
  const body = request.body as Loose | string | undefined;
  if (typeof body !== 'object' || body === null) return `not JSON (${request.raw.length} bytes)`;
  const stk = body.Body?.stkCallback;
  if (stk) {
    return `STK callback ${stk.CheckoutRequestID}: ResultCode ${stk.ResultCode} ${JSON.stringify(stk.ResultDesc)}`;
  }
  if (body.Result) {
    const r = body.Result;
    return `Result ${r.ConversationID}: ResultCode ${JSON.stringify(r.ResultCode)} ${JSON.stringify(r.ResultDesc)}`;
  }
  if (typeof body.TransID === 'string') {
    const kind = isValidation(request) ? 'C2B validation' : 'C2B confirmation';
    return `${kind} ${body.TransID}: Ksh ${body.TransAmount} to ${body.BusinessShortCode} account ${JSON.stringify(body.BillRefNumber)}`;
  }
  return 'JSON that is not a Daraja callback';
}

/** The block printed for each request: a header line, the body as indented JSON, and the answer. */
export function printable(request: SinkRequest, reply: SinkReply, at: Date): string {
  const time = at.toISOString().slice(11, 19);
  const body = typeof request.body === 'string' ? request.raw : JSON.stringify(request.body, null, 2);
  const answer = reply.hang
    ? 'no answer (timing out)'
    : `${reply.status} ${reply.body === undefined ? '' : JSON.stringify(reply.body)}`;
  return [
    `── ${time} ${request.method} ${request.path}  ${describeCallback(request)}`,
    ...body.split('\n').map((l) => `   ${l}`),
    `   → answered ${answer}`,
    '',
  ].join('\n');
}
