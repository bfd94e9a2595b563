import { describe, expect, it } from 'vitest';
import { defaultSettings } from './defaults.js';
import { mergeSettings } from './settings-holder.js';
import { SettingsError, validateSettings } from './validate-settings.js';

describe('settings validation', () => {
  it('accepts the defaults', () => {
    expect(() => validateSettings(defaultSettings())).not.toThrow();
  });

  it.each([
    [{ stk: { pinTimeoutMs: -1 } }, /stk.pinTimeoutMs/],
    [{ stk: { defaultOutcome: 'maybe' } }, /stk.defaultOutcome/],
    [{ stk: { phoneOutcomes: { '254708374149': 'later' } } }, /stk.phoneOutcomes/],
    [{ oauth: { tokenTtlSeconds: 0 } }, /oauth.tokenTtlSeconds/],
    [{ callbacks: { urlPolicy: 'strict' } }, /callbacks.urlPolicy/],
    [{ callbacks: { nope: true } }, /Unknown setting "callbacks.nope"/],
    [{ colour: { a: 1 } }, /Unknown settings section "colour"/],
  ])('refuses %j and names the setting', (patch, message) => {
    expect(() => validateSettings(mergeSettings(defaultSettings(), patch as never))).toThrow(SettingsError);
    expect(() => validateSettings(mergeSettings(defaultSettings(), patch as never))).toThrow(message);
  });

  it('merges a patch section by section', () => {
    const merged = mergeSettings(defaultSettings(), { stk: { defaultOutcome: 'accept' } });
    expect(merged.stk.defaultOutcome).toBe('accept');
    expect(merged.stk.pinTimeoutMs).toBe(60_000);
  });
});
