import type { Settings } from 'daraja-client/emulator';
import { parsedUrl } from './parsed-url.js';

/** Words Daraja refuses in C2B URLs (SPEC 1.9). */
const FORBIDDEN_WORDS = ['m-pesa', 'mpesa', 'safaricom', 'exe', 'exec', 'cmd', 'sql', 'query'];

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * Checks a callback URL the way Daraja does synchronously. In the sandbox policy http and localhost are
 * fine; the production policy requires https and a public host name. An allow-list, when set, also
 * stops the emulator from being used to reach arbitrary hosts.
 */
export function checkCallbackUrl(
  value: unknown,
  settings: Settings['callbacks'],
  options: { forbidWords?: boolean } = {},
): UrlCheck {
  if (typeof value !== 'string' || value.trim() === '')
    return { ok: false, reason: 'the URL is missing or empty' };
  if (/\s|[<>{}"|\\^`]/.test(value)) {
    return { ok: false, reason: `the URL contains spaces or characters a URL cannot hold ("${value}")` };
  }
  const url = parsedUrl(value);
  if (!url) return { ok: false, reason: `"${value}" is not an absolute URL` };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `the URL scheme is "${url.protocol}"; Daraja calls http(s) URLs only` };
  }
  if (!url.hostname) return { ok: false, reason: 'the URL has no host' };
  if (settings.urlPolicy === 'production') {
    if (url.protocol !== 'https:')
      return { ok: false, reason: 'production Daraja requires https callback URLs' };
    if (isPrivateHost(url.hostname)) {
      return {
        ok: false,
        reason: `"${url.hostname}" is not reachable from the internet; production Daraja cannot call it`,
      };
    }
  }
  if (options.forbidWords) {
    const lower = value.toLowerCase();
    const word = FORBIDDEN_WORDS.find((w) => lower.includes(w));
    if (word) return { ok: false, reason: `the URL contains "${word}", which Daraja refuses in C2B URLs` };
  }
  if (settings.allowHosts.length > 0 && !hostAllowed(url, settings.allowHosts)) {
    return {
      ok: false,
      reason: `the host "${url.host}" is not in the callback allow-list (${settings.allowHosts.join(', ')})`,
    };
  }
  return { ok: true, url };
}

function hostAllowed(url: URL, allow: string[]): boolean {
  return allow.some((entry) => entry === url.hostname || entry === url.host);
}

function isPrivateHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    h.endsWith('.local') ||
    h === '::1' ||
    /^127\./.test(h) ||
    /^10\./.test(h) ||
    /^192\.168\./.test(h) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(h) ||
    /^0\./.test(h) ||
    !h.includes('.')
  );
}
