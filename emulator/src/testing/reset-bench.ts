/**
 * Measures `TestEmulator.reset()` on a busy emulator: `node emulator/dist/testing/reset-bench.js`. It
 * prints timings and asserts nothing; the target is well under 50 ms so that a reset before every test
 * costs nothing noticeable.
 */
import { performance } from 'node:perf_hooks';
import { DarajaPaths } from 'daraja-client/wire';
import { SANDBOX_MSISDN, SANDBOX_PASSKEY, SANDBOX_SHORTCODE } from '../config/defaults.js';
import { startEmulator } from './start-emulator.js';

const PAYMENTS = Number(process.argv[2] ?? 300);
const ROUNDS = 20;

const emu = await startEmulator();
const sink = await emu.callbackSink();
const auth = await fetch(`${emu.url}${DarajaPaths.oauth}?grant_type=client_credentials`, {
  headers: { Authorization: `Basic ${Buffer.from('bench:bench').toString('base64')}` },
});
const { access_token: token } = (await auth.json()) as { access_token: string };
const timestamp = '20260101120000';
const body = {
  BusinessShortCode: SANDBOX_SHORTCODE,
  Password: Buffer.from(SANDBOX_SHORTCODE + SANDBOX_PASSKEY + timestamp).toString('base64'),
  Timestamp: timestamp,
  TransactionType: 'CustomerPayBillOnline',
  Amount: 1,
  PartyA: SANDBOX_MSISDN,
  PartyB: SANDBOX_SHORTCODE,
  PhoneNumber: SANDBOX_MSISDN,
  CallBackURL: sink.url + '/stk',
  AccountReference: 'bench',
  TransactionDesc: 'bench',
};

const timings: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (let i = 0; i < PAYMENTS; i++) {
    await fetch(emu.url + DarajaPaths.stkPush, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    await emu.phone(SANDBOX_MSISDN).accept();
  }
  const started = performance.now();
  await emu.reset();
  timings.push(performance.now() - started);
}
await emu.close();

timings.sort((a, b) => a - b);
const at = (q: number) =>
  (timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? 0).toFixed(2);
console.log(
  `reset() after ${PAYMENTS} paid STK pushes (transactions, deliveries, journal, SMS, movements), ${ROUNDS} rounds: ` +
    `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
);
