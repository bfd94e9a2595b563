import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../config/defaults.js';
import { checkCallbackUrl } from './url-policy.js';

const sandbox = defaultSettings().callbacks;
const production = { ...sandbox, urlPolicy: 'production' as const };

describe('callback URL policy', () => {
  it.each([['http://localhost:3000/cb'], ['https://shop.example/mpesa-callback'], ['http://127.0.0.1:9/x']])(
    'accepts %s in the sandbox policy',
    (url) => {
      expect(checkCallbackUrl(url, sandbox).ok).toBe(true);
    },
  );

  it.each([
    ['https://<your-ngrok-url>/cb', /spaces or characters/],
    ['https://my domain.com/cb', /spaces/],
    ['/relative/path', /not an absolute URL/],
    ['ftp://example.com/cb', /scheme/],
    ['', /missing/],
  ])('refuses %j', (url, reason) => {
    const r = checkCallbackUrl(url, sandbox);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('requires public https URLs in the production policy', () => {
    expect(checkCallbackUrl('http://shop.example/cb', production).ok).toBe(false);
    expect(checkCallbackUrl('https://localhost/cb', production).ok).toBe(false);
    expect(checkCallbackUrl('https://192.168.1.5/cb', production).ok).toBe(false);
    expect(checkCallbackUrl('https://shop.example/cb', production).ok).toBe(true);
  });

  it('refuses the words Daraja refuses in C2B URLs when asked to', () => {
    const r = checkCallbackUrl('https://shop.example/mpesa/confirm', sandbox, { forbidWords: true });
    expect(r.ok).toBe(false);
    expect(checkCallbackUrl('https://shop.example/pay/confirm', sandbox, { forbidWords: true }).ok).toBe(
      true,
    );
  });

  it('keeps callbacks inside the allow-list when one is set', () => {
    const allow = { ...sandbox, allowHosts: ['127.0.0.1', 'shop.example:8443'] };
    expect(checkCallbackUrl('http://127.0.0.1:5000/cb', allow).ok).toBe(true);
    expect(checkCallbackUrl('https://shop.example:8443/cb', allow).ok).toBe(true);
    expect(checkCallbackUrl('https://shop.example/cb', allow).ok).toBe(false);
    expect(checkCallbackUrl('http://169.254.169.254/latest', allow).ok).toBe(false);
  });
});
