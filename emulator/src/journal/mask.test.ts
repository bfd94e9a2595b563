import { describe, expect, it } from 'vitest';
import { maskSecrets } from './mask.js';

describe('secret masking', () => {
  it('masks secrets at any depth and keeps everything else', () => {
    const masked = maskSecrets({
      BusinessShortCode: 174379,
      Password: 'MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3',
      nested: [{ SecurityCredential: 'A'.repeat(344), Remarks: 'ok' }],
      pin: '1234',
    });
    const text = JSON.stringify(masked);
    expect(text).not.toContain('MTc0Mzc5YmZiMjc5');
    expect(text).not.toContain('A'.repeat(20));
    expect(text).not.toContain('1234');
    expect(masked.BusinessShortCode).toBe(174379);
    expect(masked.nested[0]?.Remarks).toBe('ok');
    expect(masked.Password).toMatch(/^MT\*\*\*\(48 chars\)$/);
  });
});
