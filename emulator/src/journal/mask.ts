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
  return `${text.slice(0, 2)}***(${text.length} chars)`;
}

/** A deep copy with every secret-named field masked. */
export function maskSecrets<T>(value: T): T {
  return walk(value, 0) as T;
}

function walk(value: unknown, depth: number): unknown {
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    out[key] = SECRET_KEYS.has(key.toLowerCase()) ? maskValue(v) : walk(v, depth + 1);
  }
  return out;
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
