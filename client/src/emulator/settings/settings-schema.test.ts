import { describe, expect, it } from 'vitest';
import { defaultSettings, settingUi, settingSchema, settingAllows, SETTINGS_SECTIONS } from '../settings.js';

describe('the settings schema', () => {
  it('gives the sandbox’s defaults', () => {
    const defaults = defaultSettings();
    expect(defaults.stk.defaultOutcome).toBe('wait');
    expect(defaults.stk.pinTimeoutMs).toBe(60_000);
    expect(defaults.oauth.tokenTtlSeconds).toBe(3600);
    expect(defaults.callbacks.retries).toBe(0);
    expect(defaults.c2b.stkOnlyShortcodes).toEqual(['174379']);
    expect(defaults.initiator.queueTimeoutCode).toBe(1);
    expect(defaults.money.customerPerTransactionKsh).toBe(250_000);
    expect(defaults.billManager.paymentRetries).toBe(5);
    expect(Object.keys(defaults)).toEqual(SETTINGS_SECTIONS);
  });

  it('hands out fresh lists and maps, so changing one copy leaves the next alone', () => {
    const first = defaultSettings();
    first.c2b.stkOnlyShortcodes.push('600000');
    first.stk.phoneOutcomes['254708374149'] = 'accept';
    expect(defaultSettings().c2b.stkOnlyShortcodes).toEqual(['174379']);
    expect(defaultSettings().stk.phoneOutcomes).toEqual({});
  });

  it('reads a setting’s label, hint, unit and bounds from its declaration', () => {
    expect(settingUi('callbacks', 'retries')).toMatchObject({
      kind: 'number',
      label: 'Retries',
      hint: 'Daraja makes one attempt only (0).',
      min: 0,
      max: 20,
    });
    expect(settingUi('oauth', 'tokenTtlSeconds')).toMatchObject({ unit: 's', min: 1 });
    expect(settingUi('http', 'unknownPath').options).toEqual([
      ['empty', '404 with an empty body (Daraja)'],
      ['envelope', '404 with error 404.001.01'],
    ]);
  });

  it('checks custom rules: outcome keys, money with two decimals, result codes, shortcodes', () => {
    const allows = (section: string, key: string, value: unknown) =>
      settingAllows(settingSchema(section, key)!, value);
    expect(allows('initiator', 'outcomes', { 'reversal:600984': 'R000001', '*': 2040 })).toBe(true);
    expect(allows('initiator', 'outcomes', { 'payroll:600984': 'normal' })).toBe(false);
    expect(allows('initiator', 'outcomes', [])).toBe(false);
    expect(allows('b2c', 'chargeKsh', 12.5)).toBe(true);
    expect(allows('b2c', 'chargeKsh', 0.001)).toBe(false);
    expect(allows('initiator', 'queueTimeoutCode', 'SFC_IC0003')).toBe(true);
    expect(allows('initiator', 'queueTimeoutCode', 'r1')).toBe(false);
    expect(allows('c2b', 'stkOnlyShortcodes', ['1234'])).toBe(false);
    expect(allows('callbacks', 'retries', 21)).toBe(false);
    expect(settingSchema('callbacks', 'nope')).toBeUndefined();
    expect(settingSchema('colour', 'a')).toBeUndefined();
  });
});
