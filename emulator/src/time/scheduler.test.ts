import { describe, expect, it } from 'vitest';
import { ManualClock, SystemClock } from './clock.js';
import { Scheduler } from './scheduler.js';
import type { Timers } from './timers.js';

const noTimers: Timers = { setTimeout: () => 0, clearTimeout: () => undefined };

describe('Scheduler', () => {
  it('runs nothing on a manual clock until time is advanced, then runs due jobs in time order', async () => {
    const clock = new ManualClock(0);
    const s = new Scheduler(clock, noTimers);
    const ran: string[] = [];
    s.at(300, 'c', () => ran.push('c'));
    s.at(100, 'a', () => ran.push('a'));
    s.at(200, 'b', () => ran.push('b'));
    expect(ran).toEqual([]);
    await s.advance(250);
    expect(ran).toEqual(['a', 'b']);
    expect(clock.now()).toBe(250);
    await s.advance(50);
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('runs jobs scheduled by jobs when they fall due within the same advance', async () => {
    const clock = new ManualClock(0);
    const s = new Scheduler(clock, noTimers);
    const ran: number[] = [];
    s.at(10, 'first', () => {
      ran.push(clock.now());
      s.after(5, 'second', () => ran.push(clock.now()));
    });
    await s.advance(20);
    expect(ran).toEqual([10, 15]);
  });

  it('keeps insertion order for jobs due at the same time', async () => {
    const s = new Scheduler(new ManualClock(0), noTimers);
    const ran: number[] = [];
    for (let i = 0; i < 5; i++) s.at(10, `job ${i}`, () => ran.push(i));
    await s.advance(10);
    expect(ran).toEqual([0, 1, 2, 3, 4]);
  });

  it('does not run cancelled jobs', async () => {
    const s = new Scheduler(new ManualClock(0), noTimers);
    const ran: string[] = [];
    const id = s.at(10, 'x', () => ran.push('x'));
    s.cancel(id);
    await s.advance(100);
    expect(ran).toEqual([]);
  });

  it('runs all pending work with runAll, moving the clock to each due time', async () => {
    const clock = new ManualClock(0);
    const s = new Scheduler(clock, noTimers);
    const seen: number[] = [];
    s.at(60_000, 'timeout', () => seen.push(clock.now()));
    s.at(3_600_000, 'expiry', () => seen.push(clock.now()));
    expect(await s.runAll()).toBe(2);
    expect(seen).toEqual([60_000, 3_600_000]);
  });

  it('waits for asynchronous jobs before advance returns', async () => {
    const s = new Scheduler(new ManualClock(0), noTimers);
    let done = false;
    s.at(1, 'async', async () => {
      await new Promise((r) => setImmediate(r));
      done = true;
    });
    await s.advance(1);
    expect(done).toBe(true);
  });

  it('keeps running other jobs when one throws', async () => {
    const s = new Scheduler(new ManualClock(0), noTimers);
    const ran: string[] = [];
    s.at(1, 'bad', () => {
      throw new Error('boom');
    });
    s.at(2, 'good', () => ran.push('good'));
    await s.advance(5);
    expect(ran).toEqual(['good']);
  });

  it('arms one real timer for the earliest job on the system clock and refuses manual moves', async () => {
    const armed: number[] = [];
    const timers: Timers = { setTimeout: (_fn, ms) => armed.push(ms), clearTimeout: () => undefined };
    const clock = new SystemClock();
    const s = new Scheduler(clock, timers);
    s.at(clock.now() + 5_000, 'later', () => undefined);
    s.at(clock.now() + 1_000, 'sooner', () => undefined);
    expect(armed.length).toBe(2);
    expect(armed[1]).toBeLessThanOrEqual(1_000);
    await expect(s.advance(1)).rejects.toThrow(/not manual/);
  });

  it('groups the writes of each job: begin before it runs, commit after, even when it throws', async () => {
    const clock = new ManualClock(0);
    const s = new Scheduler(clock, noTimers);
    const events: string[] = [];
    s.group = { begin: () => events.push('begin'), commit: () => events.push('commit') };
    s.at(10, 'ok', () => events.push('ok'));
    s.at(20, 'fails', () => {
      events.push('fails');
      throw new Error('boom');
    });
    await s.advance(30);
    expect(events).toEqual(['begin', 'ok', 'commit', 'begin', 'fails', 'commit']);
  });
});
