import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { C2bRegistrationView, TransactionView } from 'daraja-client/emulator';
import { ManualClock } from 'daraja-emulator';
import { openStore } from '../../emulator/src/store/open-store.js';
import { token } from '../support/daraja-requests.js';
import { accept, c2bSink, pay, register, registerBody, setValidation } from '../support/c2b.js';
import { Emulator } from '../../emulator/src/internals.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function open(path: string, poster: ReturnType<typeof c2bSink>['poster']) {
  const store = await openStore({ kind: 'file', path });
  return new Emulator({
    clock: new ManualClock(),
    store,
    seed: 1,
    poster,
    settings: { c2b: { validationDelayMs: 5_000 } },
  });
}

describe('C2B across a restart', () => {
  it('keeps registrations and the validation switch, and finishes a payment that was waiting for validation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'c2b-restart-'));
    dirs.push(dir);
    const path = join(dir, 'data.json');
    const sink = c2bSink(() => accept({ ThirdPartyTransID: 'T-9' }));

    const first = await open(path, sink.poster);
    const bearer = await token(first.app);
    await register(first.app, bearer, registerBody(), 'v1').expect(200);
    await setValidation(first.app, '600984', true).expect(200);
    const pending = (
      await pay(first.app, { shortcode: '600984', msisdn: '254708374149', amount: 70 }).expect(201)
    ).body as TransactionView;
    expect(pending.status).toBe('pending');
    const conservation = first.ledger.conservationCents();
    await first.close();
    expect(sink.received).toEqual([]);

    const second = await open(path, sink.poster);
    const list = (await request(second.app).get('/_emulator/c2b/registrations').expect(200))
      .body as C2bRegistrationView[];
    expect(list.map((r) => [r.shortcode, r.version])).toEqual([['600984', 'v1']]);
    expect(
      (await request(second.app).get('/_emulator/c2b/shortcodes/600984/validation')).body.externalValidation,
    ).toBe(true);
    await second.advance(5_000);
    expect(sink.validations()).toHaveLength(1);
    expect(sink.confirmations()[0]?.body).toMatchObject({
      TransID: pending.id,
      ThirdPartyTransID: 'T-9',
      TransAmount: '70.00',
    });
    expect(second.transactions.get(pending.id)?.status).toBe('completed');
    expect(second.ledger.conservationCents()).toBe(conservation);
    await second.close();
  });
});
