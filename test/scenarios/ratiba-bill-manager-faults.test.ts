import { describe, expect, it } from 'vitest';
import type { FaultRuleInput } from 'daraja-client/emulator';
import { capturingPoster } from '../support/capturing-poster.js';
import { token } from '../support/daraja-requests.js';
import { approve, createOrder, ratibaBody, RATIBA_CALLBACK } from '../support/ratiba.js';
import { bills, optInBody } from '../support/bill-manager.js';
import { Emulator } from '../../emulator/src/internals.js';

async function withRules(faults: FaultRuleInput[]) {
  const sink = capturingPoster();
  const emulator = new Emulator({ clock: 'manual', poster: sink.poster, faults });
  return { emulator, sink, bearer: await token(emulator.app) };
}

describe('fault rules on Ratiba and Bill Manager', () => {
  it('answers a Ratiba request with the rule’s error when the rule names the ratiba endpoint', async () => {
    const { emulator, bearer } = await withRules([
      { name: 'busy', match: { endpoint: 'ratiba' }, effect: { type: 'error', error: 'spike-arrest' } },
    ]);
    const res = await createOrder(emulator.app, bearer, ratibaBody()).expect(500);
    expect(res.body).toMatchObject({ errorCode: '500.003.02' });
    expect(emulator.journal.list()[0]?.rules).toEqual(['busy']);
    // The other API is untouched by a rule for this one.
    await bills(emulator.app, bearer, 'optin', optInBody()).expect(200);
  });

  it('drops the Ratiba callback when a callback rule says so, and records it as cancelled', async () => {
    const { emulator, bearer, sink } = await withRules([
      { name: 'lost', match: { callback: 'ratiba-callback' }, effect: { type: 'callback-drop' } },
    ]);
    const ack = await createOrder(emulator.app, bearer, ratibaBody()).expect(200);
    await approve(emulator.app, ack.body.ResponseHeader.responseRefID).expect(200);
    await emulator.advance(0);
    expect(sink.received.filter((d) => d.url === RATIBA_CALLBACK)).toEqual([]);
    expect(emulator.outbox.list({ kind: 'ratiba-callback' })[0]).toMatchObject({
      status: 'cancelled',
      rules: ['lost'],
    });
  });

  it('answers Bill Manager calls with the rule’s error when the rule names bill-manager', async () => {
    const { emulator, bearer } = await withRules([
      { match: { endpoint: 'bill-manager' }, effect: { type: 'error', error: 'maintenance' } },
    ]);
    const res = await bills(emulator.app, bearer, 'optin', optInBody()).expect(500);
    expect(res.body.errorCode).toBe('500.003.1001');
  });
});
