import { describe, expect, it } from 'vitest';
import type { LiveEvent } from 'daraja-client/emulator';
import { EventBus } from './event-bus.js';

const reset: LiveEvent = { type: 'reset', at: 0 };
const clock = { type: 'clock' } as unknown as LiveEvent;

describe('EventBus', () => {
  it('gives a listener limited to some types only those events, and one without a limit every event', () => {
    const bus = new EventBus();
    const limited: string[] = [];
    const all: string[] = [];
    bus.on((e) => limited.push(e.type), ['reset']);
    bus.on((e) => all.push(e.type));
    bus.emit(reset);
    bus.emit(clock);
    expect(limited).toEqual(['reset']);
    expect(all).toEqual(['reset', 'clock']);
  });

  it('wants a type while some listener takes it, and every type while a listener takes all', () => {
    const bus = new EventBus();
    expect(bus.wants('reset')).toBe(false);
    const offReset = bus.on(() => undefined, ['reset']);
    expect([bus.wants('reset'), bus.wants('delivery')]).toEqual([true, false]);
    const offAll = bus.on(() => undefined);
    expect(bus.wants('delivery')).toBe(true);
    offAll();
    expect([bus.wants('reset'), bus.wants('delivery')]).toEqual([true, false]);
    offReset();
    expect(bus.wants('reset')).toBe(false);
  });

  it('keeps calling the other listeners when one throws', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    bus.on(() => {
      throw new Error('broken');
    });
    bus.on((e) => seen.push(e.type));
    bus.emit(reset);
    expect(seen).toEqual(['reset']);
  });
});
