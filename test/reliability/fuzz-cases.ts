import { CONTROL_PREFIX, ControlPaths } from 'daraja-client/emulator';
import { DarajaPaths } from 'daraja-client/wire';
import type { Call } from '../../emulator/src/bench/http-client.js';
import { basicAuth, phoneNumber, stkPushBody } from '../../emulator/src/bench/stk-fixture.js';

/** Seeded random choices, so that a failing case can be replayed from its number. */
export class Dice {
  constructor(readonly next: () => number) {}
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  text(max: number, alphabet = 'abcXYZ019 _-+/=.:%&?#\u00e9\u4e2d\ud83d\ude00"\\\'<>{}[]'): string {
    const chars = [...alphabet];
    return Array.from({ length: this.int(max + 1) }, () => this.pick(chars)).join('');
  }
}

const CONTROL_ROUTES = [
  'health',
  'ready',
  'reset',
  'settings',
  'state',
  'scenario',
  'transactions',
  'transactions/:id',
  'deliveries',
  'deliveries/:id',
  'deliveries/:id/resend',
  'journal',
  'clock',
  'clock/advance',
  'clock/run-all',
  'apps',
  'customers',
  'customers/:id',
  'customers/:id/messages',
  'customers/:id/movements',
  'shortcodes',
  'shortcodes/:id',
  'shortcodes/:id/movements',
  'stk/:id/accept',
  'stk/:id/decline',
  'stk/:id/timeout',
  'faults',
  'faults/:id',
  'c2b/registrations',
  'c2b/payments',
  'security/certificate',
  'initiator/queue-timeout',
  'live',
].map((r) => `${CONTROL_PREFIX}/${r}`);

const ODD_SEGMENTS = [
  '%00',
  '%2e%2e%2f',
  '..',
  '%E0%A4%A',
  '%',
  '%25',
  'a%20b',
  '%F0%9F%98%80',
  '~',
  '*',
  '$',
  ';x=1',
  '0'.repeat(300),
];

function path(d: Dice): string {
  const roll = d.next();
  let p: string;
  if (roll < 0.55) p = d.pick(Object.values(DarajaPaths));
  else if (roll < 0.85) {
    const fixed: string[] = [];
    for (const v of Object.values(ControlPaths)) if (typeof v === 'string') fixed.push(v);
    p = d.pick([...CONTROL_ROUTES, ...fixed]);
    p = p.replace(/:id/g, () =>
      d.pick([
        phoneNumber(d.int(5)),
        '174379',
        'ws_CO_0',
        'nope',
        encodeURIComponent(d.text(12)),
        d.pick(ODD_SEGMENTS),
      ]),
    );
  } else if (roll < 0.95)
    p = `/${Array.from({ length: 1 + d.int(4) }, () => d.pick([...ODD_SEGMENTS, 'mpesa', 'oauth', '_emulator', 'v1', encodeURIComponent(d.text(8))])).join('/')}`;
  else p = `/${'x'.repeat(d.int(8000))}`;
  if (d.chance(0.1)) p += '/';
  if (d.chance(0.1)) p = p.toUpperCase();
  if (d.chance(0.2))
    p += `?${d.pick(['grant_type=client_credentials', 'grant_type=client_credentials%20', 'grant_type=', 'limit=-1', 'limit=99999999', 'limit=abc', 'type=stk&status=%00', 'a[b][c]=1', `x=${encodeURIComponent(d.text(40))}`])}`;
  return p;
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=bogus',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '*/*',
  'garbage',
];

function headers(d: Dice, token: string): Record<string, string> {
  const h: Record<string, string> = {};
  if (d.chance(0.85)) h['Content-Type'] = d.pick(CONTENT_TYPES);
  const auth = d.pick([
    undefined,
    `Bearer ${token}`,
    `Bearer ${token}`,
    `Bearer ${token}`,
    'Bearer',
    'Bearer nope',
    `bearer  ${token}`,
    basicAuth('k', 's'),
    'Basic ',
    'Basic %%%',
    `Basic ${Buffer.from('no-colon').toString('base64')}`,
    `Digest ${d.text(20, 'abc')}`,
    `Bearer ${'t'.repeat(5000)}`,
  ]);
  if (auth !== undefined) h.Authorization = auth;
  if (d.chance(0.05)) h['Content-Encoding'] = d.pick(['gzip', 'deflate', 'br', 'identity', 'bogus']);
  if (d.chance(0.05)) h['X-Emulator-Token'] = d.text(10, 'abc');
  if (d.chance(0.05)) h.Origin = d.pick(['http://evil.example', 'null', 'http://127.0.0.1:1']);
  if (d.chance(0.05)) h['Accept'] = d.pick(['text/html', 'application/xml', '*/*']);
  return h;
}

function value(d: Dice, depth = 0): unknown {
  switch (d.int(depth > 3 ? 9 : 11)) {
    case 0:
      return null;
    case 1:
      return d.chance(0.5);
    case 2:
      return d.pick([0, -1, 1.5, 1e308, -0, 2 ** 53 + 1, 174379, 254708374149]);
    case 3:
      return d.text(30);
    case 4:
      return d.pick([
        '',
        ' ',
        '1',
        '0',
        'NaN',
        'Infinity',
        '1e5',
        '-5',
        '254708374149',
        '174379',
        'null',
        'true',
        '20260101120000',
      ]);
    case 5:
      return 'A'.repeat(d.chance(0.05) ? 70_000 : d.int(3_000));
    case 6:
      return d.pick([
        '<script>x</script>',
        '${7*7}',
        '../../etc/passwd',
        "' OR 1=1 --",
        '\u0000',
        '\ud800',
        'ws_CO_0',
      ]);
    case 7:
      return `http://${d.pick(['127.0.0.1:9', 'localhost', 'evil.example', '[::1]:1', '10.0.0.1', 'mpesa.example', ''])}/${d.text(10)}`;
    case 8:
      return d.int(1000);
    case 9:
      return Array.from({ length: d.int(4) }, () => value(d, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: d.int(4) }, () => [d.text(8), value(d, depth + 1)]));
  }
}

function mutate(d: Dice, body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  for (let n = 1 + d.int(3); n > 0; n--) {
    const keys = Object.keys(out);
    const key = d.pick(keys.length ? keys : ['x']);
    const roll = d.int(5);
    if (roll === 0) delete out[key];
    else if (roll === 1)
      out[d.pick([key.toLowerCase(), `${key} `, key.replace('URL', 'Url'), d.text(6)])] = out[key];
    else out[key] = value(d);
  }
  return out;
}

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

function body(d: Dice, callbackUrl: string): string | Buffer | undefined {
  const valid = stkPushBody(phoneNumber(d.int(50)), callbackUrl, 1 + d.int(100)) as unknown as Record<
    string,
    unknown
  >;
  switch (d.int(12)) {
    case 0:
      return undefined;
    case 1:
      return '';
    case 2:
      return JSON.stringify(valid);
    case 3:
    case 4:
    case 5:
      return JSON.stringify(mutate(d, valid));
    case 6:
      return JSON.stringify(value(d));
    case 7:
      return JSON.stringify(valid).slice(0, d.int(200));
    case 8:
      return Buffer.from(Array.from({ length: d.int(400) }, () => d.int(256)));
    case 9:
      // One in about 600 bodies is over the 1 MB limit.
      if (d.chance(0.02)) return 'x'.repeat(1_100_000);
      return d.pick([
        nested(5_000),
        `{"a":${'1'.repeat(400)}}`,
        '{"__proto__":{"admin":true}}',
        '{"constructor":{"prototype":{"x":1}}}',
      ]);
    case 10:
      return JSON.stringify(
        d.pick([
          { ms: value(d) },
          { pin: value(d) },
          { msisdn: value(d), balance: value(d) },
          { stk: { defaultOutcome: value(d) } },
          { callbacks: value(d) },
        ]),
      );
    default:
      return `grant_type=client_credentials&${d.text(40)}`;
  }
}

const METHODS = [
  'POST',
  'POST',
  'POST',
  'POST',
  'GET',
  'GET',
  'GET',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'HEAD',
];

/** The i-th fuzz request: a random or mutated method, path, headers and body. */
export function fuzzCall(d: Dice, token: string, callbackUrl: string): Call {
  const method = d.pick(METHODS);
  const b =
    method === 'GET' || method === 'HEAD'
      ? d.chance(0.1)
        ? body(d, callbackUrl)
        : undefined
      : body(d, callbackUrl);
  return { method, path: path(d), headers: headers(d, token), ...(b === undefined ? {} : { body: b }) };
}
