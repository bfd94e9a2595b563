import { afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import WebSocket from 'ws';
import type { FaultRuleView, LiveEvent } from 'daraja-client/emulator';
import { Emulator } from '../emulator.js';
import { FaultRuleSet } from './fault-rules.js';

const BUSY = { type: 'error', error: 'system-busy' } as const;

/** Every `faults` event the emulator announces, in order. */
function faultEvents(emulator: Emulator): FaultRuleView[][] {
  const seen: FaultRuleView[][] = [];
  emulator.events.on((e) => {
    if (e.type === 'faults') seen.push(e.rules);
  });
  return seen;
}

const opened: Emulator[] = [];
afterEach(async () => {
  for (const e of opened.splice(0)) await e.close();
});

describe('the faults live event', () => {
  it('announces the rules, with their counters, after every change to the set', async () => {
    const emulator = new Emulator({ clock: 'manual', store: 'memory', seed: 1 });
    const seen = faultEvents(emulator);
    const app = emulator.app;
    const listing = async () => (await request(app).get('/_emulator/faults').expect(200)).body as unknown;
    const steps: [string, () => Promise<unknown>][] = [
      ['add', () => request(app).post('/_emulator/faults').send({ id: 'a', effect: BUSY }).expect(201)],
      [
        'replace',
        () =>
          request(app)
            .put('/_emulator/faults')
            .send([
              { id: 'b', effect: BUSY },
              { id: 'c', effect: BUSY },
            ])
            .expect(200),
      ],
      ['remove one', () => request(app).delete('/_emulator/faults/b').expect(204)],
      ['reset', () => request(app).post('/_emulator/reset').expect(204)],
      ['remove all', () => request(app).delete('/_emulator/faults').expect(204)],
    ];
    for (const [step, run] of steps) {
      const before = seen.length;
      if (step === 'reset') {
        // Rule "c" fires (its counters move, quietly); the reset then announces them back at zero.
        await request(app).get('/oauth/v1/generate?grant_type=client_credentials').auth('k', 's').expect(500);
        expect(emulator.faults.rules.list()[0]).toMatchObject({ id: 'c', matched: 1, fired: 1 });
      }
      await run();
      expect(seen.length, step).toBe(before + 1);
      expect(seen.at(-1), step).toEqual(await listing());
    }
    expect(seen.map((rules) => rules.map((r) => [r.id, r.fired]))).toEqual([
      [['a', 0]],
      [
        ['b', 0],
        ['c', 0],
      ],
      [['c', 0]],
      [['c', 0]],
      [],
    ]);
  });

  it('announces the rules of a scenario loaded at runtime', async () => {
    const emulator = new Emulator({ clock: 'manual', store: 'memory', seed: 1 });
    const seen = faultEvents(emulator);
    await request(emulator.app)
      .post('/_emulator/scenario')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ faults: [{ name: 'from scenario', effect: BUSY }] }))
      .expect(200);
    expect(seen.at(-1)?.map((r) => r.name)).toEqual(['from scenario']);
  });

  it('stays quiet while rules match and fire, and when a change is refused', async () => {
    const emulator = new Emulator({ clock: 'manual', store: 'memory', seed: 1 });
    await request(emulator.app)
      .post('/_emulator/faults')
      .send({ match: { endpoint: 'oauth' }, effect: { type: 'delay', ms: 0 } })
      .expect(201);
    const seen = faultEvents(emulator);
    for (let i = 0; i < 3; i++) {
      await request(emulator.app).get('/oauth/v1/generate?grant_type=client_credentials').auth('k', 's');
    }
    expect(emulator.faults.rules.list()[0]?.fired).toBe(3);
    await request(emulator.app)
      .post('/_emulator/faults')
      .send({ effect: { type: 'nope' } })
      .expect(400);
    await request(emulator.app).delete('/_emulator/faults/missing').expect(404);
    await request(emulator.app)
      .put('/_emulator/faults')
      .send([{ effect: BUSY }, { effect: {} }])
      .expect(400);
    expect(seen).toEqual([]);
  });

  it('reaches dashboards through the live socket', async () => {
    const emulator = new Emulator({ clock: 'manual', store: 'memory', seed: 1, uiDir: false });
    opened.push(emulator);
    const listening = await emulator.listen(0);
    const socket = new WebSocket(`${listening.url.replace('http', 'ws')}/_emulator/live`);
    const got = new Promise<LiveEvent>((resolve) =>
      socket.on('message', (m: Buffer) => {
        const event = JSON.parse(m.toString('utf8')) as LiveEvent;
        if (event.type === 'faults') resolve(event);
      }),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    await request(listening.url)
      .post('/_emulator/faults')
      .send({ id: 'r', name: 'busy', effect: BUSY })
      .expect(201);
    expect(await got).toEqual({
      type: 'faults',
      rules: [{ id: 'r', name: 'busy', enabled: true, effect: BUSY, matched: 0, fired: 0 }],
    });
    socket.close();
  });
});

describe('FaultRuleSet change listener', () => {
  it('hears each change once, and nothing when a replacement is refused', () => {
    const heard: string[][] = [];
    const rules = new FaultRuleSet(1, (list) => heard.push(list.map((r) => r.id)));
    rules.add([{ id: 'x', effect: BUSY }]);
    rules.replace([{ id: 'y', effect: BUSY }]);
    expect(() => rules.replace([{ id: 'z', effect: { type: 'nope' } }])).toThrow();
    expect(rules.remove('missing')).toBe(false);
    rules.restart();
    rules.clear();
    expect(heard).toEqual([['x'], ['y'], ['y'], []]);
  });
});
