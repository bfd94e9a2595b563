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

describe('sharing what has no secret', () => {
  it('copies only the objects on the way to a secret and leaves the input unchanged', () => {
    const body = { Password: 'MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3', meta: { Remarks: 'ok' } };
    const masked = maskSecrets(body);
    expect(masked).not.toBe(body);
    expect(masked.meta).toBe(body.meta);
    expect(body.Password).toBe('MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3');
  });

  it('returns a value without secrets as it is', () => {
    const ack = {
      MerchantRequestID: 'm-1',
      CheckoutRequestID: 'ws_CO_1',
      ResponseCode: '0',
      list: [1, { a: 2 }],
    };
    expect(maskSecrets(ack)).toBe(ack);
  });

  it('gives the same masked object each time the same body is masked', () => {
    const body = { Password: 'x'.repeat(40), PhoneNumber: '254708374149' };
    expect(maskSecrets(body)).toBe(maskSecrets(body));
    expect(maskSecrets({ ...body })).not.toBe(maskSecrets(body));
  });
});
