import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from 'daraja-emulator';
import { openStore } from '../../emulator/src/store/open-store.js';
import { capturingPoster } from '../support/capturing-poster.js';
import { token } from '../support/daraja-requests.js';
import { approve, createOrder, ordersOf, ratibaBody } from '../support/ratiba.js';
import { Emulator } from '../../emulator/src/internals.js';

const DAY = 24 * 60 * 60 * 1000;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function open(path: string, clock: ManualClock) {
  const store = await openStore({ kind: 'file', path });
  return new Emulator({ clock, store, seed: 3, poster: capturingPoster().poster });
}

describe('Ratiba across a restart', () => {
  it('keeps an approved order’s schedule and runs the debits that fell due while the emulator was down', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratiba-restart-'));
    dirs.push(dir);
    const path = join(dir, 'data.json');
    const clock = new ManualClock();

    const first = await open(path, clock);
    const bearer = await token(first.app);
    const ack = await createOrder(first.app, bearer, ratibaBody({ EndDate: '20260630' })).expect(200);
    await approve(first.app, ack.body.ResponseHeader.responseRefID).expect(200);
    await first.advance(40 * DAY);
    expect((await ordersOf(first.app, '254708374149'))[0]).toMatchObject({ paidCount: 2 });
    await first.close();

    // Down for three months: the March, April and May debits are late, not lost.
    clock.set(clock.now() + 90 * DAY);
    const second = await open(path, clock);
    await second.advance(0);
    expect((await ordersOf(second.app, '254708374149'))[0]).toMatchObject({ paidCount: 5, status: 'active' });
    await second.advance(60 * DAY);
    expect((await ordersOf(second.app, '254708374149'))[0]).toMatchObject({ paidCount: 6, status: 'ended' });
    await second.close();
  });

  it('still times out an approval prompt that was open when the emulator stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratiba-restart-'));
    dirs.push(dir);
    const path = join(dir, 'data.json');
    const clock = new ManualClock();
    const first = await open(path, clock);
    await createOrder(first.app, await token(first.app), ratibaBody()).expect(200);
    await first.close();
    const second = await open(path, clock);
    await second.advance(61_000);
    expect((await ordersOf(second.app, '254708374149'))[0]?.status).toBe('not-created');
    await second.close();
  });
});
