import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { DarajaError, createCallbackHandler, rejectC2B, type ParsedC2BNotification } from 'daraja-client';
import { harness, type Harness } from './support.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const confirmations = (x: Harness) =>
  x.received.filter((r) => r.kind === 'confirmation').map((r) => r.value as ParsedC2BNotification);

describe('daraja-client against a real emulator: C2B', () => {
  it('registers URLs, simulates a payment and parses the confirmation the emulator delivers', async () => {
    h = await harness({}, { shortcode: '600984' });
    const registered = await h.client.c2b.registerUrls({
      confirmationUrl: `${h.callbackUrl}/c2b/confirmation`,
      validationUrl: `${h.callbackUrl}/c2b/validation`,
      responseType: 'Completed',
      version: 'v2',
    });
    expect(registered).toMatchObject({ ResponseCode: '00000000', ResponseDescription: 'Success' });
    const simulated = await h.client.c2b.simulate({
      shortCode: '600984',
      amount: 100,
      msisdn: '0708374149',
      billRefNumber: 'INV-001',
    });
    expect(simulated.ResponseCode).toBe('0');
    await h.emulator.runAll();
    const [confirmation] = confirmations(h);
    expect(confirmation).toBeDefined();
    expect(confirmation?.amount).toBe(100);
    expect(confirmation?.billRefNumber).toBe('INV-001');
    expect(confirmation?.businessShortCode).toBe('600984');
    expect(confirmation?.msisdn).toBe('2547 ***** 149');
  });

  it('lets the app reject a payment at validation, so no confirmation arrives and no money moves', async () => {
    h = await harness(
      {
        world: {
          shortcodes: [
            { shortcode: '600984', kind: 'paybill', name: 'Validating Shop', externalValidation: true },
          ],
        },
      },
      { shortcode: '600984' },
    );
    const rejecting = http.createServer(
      createCallbackHandler({ onC2BValidation: () => rejectC2B('C2B00012') }),
    );
    await new Promise<void>((resolve) => rejecting.listen(0, '127.0.0.1', resolve));
    const port = (rejecting.address() as { port: number }).port;
    try {
      await h.client.c2b.registerUrls({
        confirmationUrl: `${h.callbackUrl}/c2b/confirmation`,
        validationUrl: `http://127.0.0.1:${port}/c2b/validation`,
        responseType: 'Completed',
      });
      const before = h.emulator.ledger.customer('254708374149')?.balanceCents;
      await h.client.c2b.simulate({
        shortCode: '600984',
        amount: 50,
        msisdn: '254708374149',
        billRefNumber: 'WRONG',
      });
      await h.emulator.runAll();
      expect(confirmations(h)).toEqual([]);
      expect(h.emulator.ledger.customer('254708374149')?.balanceCents).toBe(before);
      const [payment] = h.emulator.transactions.list({ type: 'c2b' });
      expect(payment).toMatchObject({ status: 'failed', resultCode: 'C2B00012' });
    } finally {
      await new Promise<void>((resolve) => rejecting.close(() => resolve()));
    }
  });

  it('reports a second registration in production-like mode as a Daraja error with its code', async () => {
    h = await harness({ settings: { c2b: { reRegistration: 'reject' } } }, { shortcode: '600984' });
    const register = () =>
      h!.client.c2b.registerUrls({
        confirmationUrl: `${h!.callbackUrl}/c2b/confirmation`,
        responseType: 'Completed',
      });
    await register();
    const error = await register().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DarajaError);
    expect(error).toMatchObject({
      errorCode: '500.003.1001',
      errorMessage: 'Urls are already registered.',
      httpStatus: 500,
    });
  });
});
