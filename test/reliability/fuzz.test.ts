import { afterAll, beforeAll, expect, test } from 'vitest';
import { CONTROL_PREFIX } from 'daraja-client/emulator';
import { DarajaPaths } from 'daraja-client/wire';
import { endpointKey } from '../../emulator/src/http/endpoint-key.js';
import { createEmulator, type DarajaEmulator, type Listening } from 'daraja-emulator';
import { KeepAliveClient, type Call, type Reply } from '../../emulator/src/bench/http-client.js';
import { fetchToken } from '../../emulator/src/bench/stk-fixture.js';
import { seeded } from '../../emulator/src/bench/stats.js';
import { Dice, fuzzCall } from './fuzz-cases.js';

// Random and mutated requests against every Daraja path and the control API. Every answer must be one of
// the documented shapes with the right status; nothing may crash the process or grow memory without bound.
// Seeded: FUZZ_SEED=<n> replays a run, FUZZ_COUNT=<n> makes it longer.

const SEED = Number(process.env.FUZZ_SEED ?? 6_011_2026);
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
const internalErrors: string[] = [];
let emulator: DarajaEmulator;
let listening: Listening;
let client: KeepAliveClient;
let token: string;

beforeAll(async () => {
  emulator = createEmulator({
    seed: SEED,
    uiDir: false,
    // Callbacks of pushes that pass validation go nowhere: the fuzz is about the API's answers.
    poster: async () => ({ status: 200, body: '{}', durationMs: 0 }),
    log: (line) => internalErrors.push(line),
  });
  listening = await emulator.listen(0);
  client = new KeepAliveClient(listening.url, 16);
  token = await fetchToken(client);
});

afterAll(async () => {
  client.close();
  await emulator.close();
});

/** Why an answer is not one of the documented shapes, or undefined when it is. */
export function problem(call: Call, reply: Reply): string | undefined {
  const type = String(reply.headers['content-type'] ?? '');
  if (/html/i.test(type) || /<html|<!doctype/i.test(reply.body)) return 'an HTML answer';
  if (/\n\s+at .+:\d+:\d+/.test(reply.body)) return 'a stack trace in the body';
  if (reply.status >= 500 && reply.status !== 500) return `status ${reply.status}`;
  if (call.method === 'HEAD' || reply.status === 204)
    return reply.body === '' ? undefined : 'a body on HEAD or 204';
  const pathname = (call.path.split('?')[0] ?? '').toLowerCase();
  // Express answers OPTIONS on a known path with the methods it allows; no body shape to check.
  if (call.method === 'OPTIONS' && reply.status === 200)
    return /^[A-Z]+(, [A-Z]+)*$/.test(reply.body) ? undefined : 'an odd OPTIONS answer';
  if (pathname.startsWith(`${CONTROL_PREFIX}/security/certificate`) && reply.status === 200) {
    return reply.body.startsWith('-----BEGIN CERTIFICATE-----') ? undefined : 'not a certificate';
  }
  let json: unknown;
  if (reply.body !== '') {
    if (!/json/i.test(type)) return `content-type "${type}" for a body`;
    try {
      json = JSON.parse(reply.body);
    } catch {
      return 'a body that is not JSON';
    }
  }
  if (reply.status < 400) return json === undefined && reply.status !== 200 ? 'an empty success' : undefined;
  if (pathname.startsWith(CONTROL_PREFIX)) {
    const error = (json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    return typeof error?.code === 'string' && typeof error.message === 'string'
      ? undefined
      : 'not a control-API error';
  }
  if (json === undefined) {
    // Daraja's own empty answers: unknown paths (404) and OAuth with bad credentials (400).
    return reply.status === 404 || reply.status === 400 ? undefined : `an empty ${reply.status}`;
  }
  // Ratiba refuses a field in its own shape (SPEC 18.2); gateway-level failures keep the envelope.
  const refusal = json as { requestRefId?: unknown; responseMessage?: unknown; responseCode?: unknown };
  if (
    endpointKey(pathname) === endpointKey(DarajaPaths.ratiba) &&
    typeof refusal.requestRefId === 'string' &&
    typeof refusal.responseMessage === 'string' &&
    refusal.responseCode === 400
  )
    return undefined;
  const envelope = json as { requestId?: unknown; errorCode?: unknown; errorMessage?: unknown };
  if (
    typeof envelope.requestId !== 'string' ||
    typeof envelope.errorCode !== 'string' ||
    typeof envelope.errorMessage !== 'string'
  ) {
    return 'not a Daraja error envelope';
  }
  if (Number(envelope.errorCode.slice(0, 3)) !== reply.status)
    return `status ${reply.status} for ${envelope.errorCode}`;
  return undefined;
}

test(`${COUNT} seeded random and mutated requests all get well-formed answers with the right status`, async () => {
  const dice = new Dice(seeded(SEED));
  const calls = Array.from({ length: COUNT }, () => fuzzCall(dice, token, `${listening.url}/never-called`));
  const rssBefore = process.memoryUsage().rss;
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < calls.length) {
        const i = next++;
        const call = calls[i] as Call;
        let reply: Reply;
        try {
          reply = await client.send(call);
        } catch (error) {
          failures.push(
            `#${i} ${call.method} ${call.path.slice(0, 80)}: no answer (${(error as Error).message})`,
          );
          continue;
        }
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        const why = problem(call, reply);
        if (why)
          failures.push(
            `#${i} ${call.method} ${call.path.slice(0, 80)} → ${reply.status}: ${why}: ${reply.body.slice(0, 160)}`,
          );
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const health = await client.json('GET', '/_emulator/health');
  const grownMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
  console.log(
    `fuzz: ${COUNT} requests (seed ${SEED}) in ${seconds.toFixed(1)} s, ${(COUNT / seconds).toFixed(0)} req/s; ` +
      `statuses ${[...statuses]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}; rss +${grownMb.toFixed(0)} MB`,
  );
  expect(failures.slice(0, 20)).toEqual([]);
  expect(internalErrors.slice(0, 10)).toEqual([]);
  expect(health.status).toBe(200);
  expect(grownMb).toBeLessThan(300);
}, 60_000);
