import type { Emulator } from '../../../emulator/src/internals.js';

/** Puts `count` finished STK transactions, one journal entry and one callback delivery each, straight into the history. */
export function seedHistory(emulator: Emulator, count: number, callbackUrl: string): void {
  const start = emulator.clock.now() - count * 1000;
  for (let i = 0; i < count; i++) {
    const at = start + i * 1000;
    const id = `ws_CO_SEED${String(i).padStart(6, '0')}`;
    const phone = `2547${String(10_000_000 + i).slice(-8)}`;
    const rejected = i % 100 === 99;
    emulator.transactions.put({
      id,
      type: 'stk',
      status: i % 3 === 0 ? 'failed' : 'completed',
      createdAt: at,
      updatedAt: at,
      shortcode: '174379',
      phone,
      amount: 1 + (i % 500),
      accountReference: `INV-${i}`,
      merchantRequestId: `SEED-MR-${i}`,
      ...(i % 3 === 0
        ? { resultCode: 1032, resultDesc: 'Request cancelled by user' }
        : {
            resultCode: 0,
            resultDesc: 'The service request is processed successfully.',
            receipt: `SEED${i}X`,
          }),
      request: { BusinessShortCode: '174379', Amount: 1 + (i % 500), PhoneNumber: phone },
      response: { CheckoutRequestID: id },
      deliveries: [],
    });
    emulator.journal.record({
      id: `seed-journal-${i}`,
      at,
      method: 'POST',
      path: '/mpesa/stkpush/v1/processrequest',
      api: 'stk-push',
      status: rejected ? 400 : 200,
      requestBody: { PhoneNumber: phone, AccountReference: `INV-${i}` },
      responseBody: rejected ? { errorCode: '400.002.02' } : { CheckoutRequestID: id },
      explanation: rejected ? ['Seeded rejection for the list test.'] : [],
      ...(rejected ? {} : { transactionId: id }),
      durationMs: 3,
    });
    emulator.outbox.enqueue({
      kind: 'stk-callback',
      url: callbackUrl,
      body: { seeded: i },
      transactionId: id,
    });
  }
}
