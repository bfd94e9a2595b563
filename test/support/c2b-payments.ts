import request from 'supertest';
import type { PostResult } from 'daraja-emulator';
import type { Settings, SmsView, TransactionView } from 'daraja-client/emulator';
import { token } from './daraja-requests.js';
import { c2bSink, register, registerBody, setValidation } from './c2b.js';
import { Emulator } from '../../emulator/src/internals.js';

/** Shared set-up of the C2B payment scenarios: an emulator with a capturing poster, and readers of its state. */
export const JOHN = '254708374149';

export async function start(validation?: () => PostResult, c2b: Partial<Settings['c2b']> = {}) {
  const sink = c2bSink(validation);
  const emulator = new Emulator({
    clock: 'manual',
    store: 'memory',
    seed: 1,
    poster: sink.poster,
    settings: { c2b },
  });
  return { emulator, sink, bearer: await token(emulator.app) };
}

/** Registers URLs for 600984 and turns external validation on, as Safaricom does on request. */
export async function withValidation(
  emulator: Emulator,
  bearer: string,
  responseType: 'Completed' | 'Cancelled' = 'Completed',
) {
  await register(emulator.app, bearer, registerBody({ ResponseType: responseType })).expect(200);
  await setValidation(emulator.app, '600984', true).expect(200);
}

export function balances(emulator: Emulator) {
  return {
    wallet: (emulator.ledger.customer(JOHN)?.balanceCents ?? 0) / 100,
    utility:
      (emulator.ledger.balanceCents({ type: 'org', shortcode: '600984', account: 'Utility Account' }) ?? 0) /
      100,
  };
}

export async function sms(emulator: Emulator, msisdn = JOHN): Promise<string[]> {
  return ((await request(emulator.app).get(`/_emulator/customers/${msisdn}/messages`)).body as SmsView[]).map(
    (m) => m.text,
  );
}

export async function view(emulator: Emulator, id: string): Promise<TransactionView> {
  return (await request(emulator.app).get(`/_emulator/transactions/${id}`).expect(200))
    .body as TransactionView;
}

export const payBill = {
  shortcode: '600984',
  msisdn: JOHN,
  amount: 100,
  billRefNumber: 'ACC-1',
  pin: '1234',
};
