import { describe, expect, it } from 'vitest';
import { buildWorld } from './world.js';

describe('configured world', () => {
  it('adds configured customers to the sandbox defaults and replaces those with the same number', () => {
    const world = buildWorld({
      customers: [
        { msisdn: '254708374149', name: 'Renamed', pin: '9999', balance: 1 },
        { msisdn: '254799999999', name: 'New', pin: '1111', balance: 5 },
      ],
    });
    expect(world.customers.find((c) => c.msisdn === '254708374149')?.name).toBe('Renamed');
    expect(world.customers.find((c) => c.msisdn === '254799999999')).toBeDefined();
    expect(world.shortcodes.find((s) => s.shortcode === '174379')).toBeDefined();
  });

  it('starts from an empty world when the defaults are switched off', () => {
    const world = buildWorld({
      includeDefaults: false,
      shortcodes: [{ shortcode: '123456', kind: 'paybill', name: 'Mine' }],
    });
    expect(world.customers).toEqual([]);
    expect(world.shortcodes.map((s) => s.shortcode)).toEqual(['123456']);
  });
});
