import { joinText } from '../ids/flat-text.js';

/** Fields whose values are secrets wherever they appear: never stored, logged or shown in clear. */
const SECRET_KEYS = new Set(
  [
    'Password',
    'SecurityCredential',
    'consumerSecret',
    'consumer_secret',
    'passkey',
    'Passkey',
    'pin',
    'password',
    'initiatorPassword',
    'access_token',
    'authorization',
    'Authorization',
    'adminToken',
  ].map((k) => k.toLowerCase()),
);

/** Shows a secret's shape without its content: length and the first two characters at most. */
export function maskValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
  if (text.length === 0) return '';
  if (text.length <= 8) return '***';
  return joinText(text.slice(0, 2), '***(', String(text.length), ' chars)');
}

/** Masked forms already made, by the object they were made from (see maskSecrets). */
const maskedForms = new WeakMap<object, unknown>();

/**
 * The value with every secret-named field masked. Only objects on the way to a secret are copied; parts
 * without secrets are the input's own, and masking the same object again returns the same result. A
 * request's body is masked for its transaction and again for its journal entry; sharing keeps one copy of
 * it (and of the answer) in the history instead of three. Kept records are never changed in place, which
 * is what makes sharing safe.
 */
export function maskSecrets<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  const known = maskedForms.get(value);
  if (known !== undefined) return known as T;
  const masked = walk(value, 0);
  maskedForms.set(value, masked);
  return masked as T;
}

function walk(value: unknown, depth: number): unknown {
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = value.map((v) => walk(v, depth + 1));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const v = record[key];
    const masked = SECRET_KEYS.has(key.toLowerCase()) ? maskValue(v) : walk(v, depth + 1);
    if (masked === v) continue;
    copy ??= { ...record };
    copy[key] = masked;
  }
  return copy ?? record;
}

const KEY_ALTERNATIVES = [...SECRET_KEYS].map((k) => k.replace(/[^a-z_]/g, '')).join('|');
const JSON_SECRET = new RegExp(
  `("(?:${KEY_ALTERNATIVES})"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"?|[^,}\\]\\s]+)`,
  'gi',
);
const FORM_SECRET = new RegExp(`((?:^|[&?;\\s])(?:${KEY_ALTERNATIVES})=)([^&;\\s]*)`, 'gi');

/**
 * Masks secrets in a body kept as text (not JSON, cut-off JSON, or sent with another Content-Type):
 * `"Password":"…"` and `Password=…` pairs, whatever the case of the key.
 */
export function maskText(text: string): string {
  return text
    .replace(
      JSON_SECRET,
      (_all, key: string, value: string) => `${key}"${maskValue(value.replace(/^"|"$/g, ''))}"`,
    )
    .replace(FORM_SECRET, (_all, key: string, value: string) => `${key}${maskValue(value)}`);
}
