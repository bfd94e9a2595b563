import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StkPushAck } from 'daraja-client/wire';
import type { TransactionView } from 'daraja-client/emulator';
import { KeepAliveClient } from './http-client.js';
import { spawnEmulator } from './spawn-emulator.js';
import { fetchToken, phoneNumber, stkPushBody } from './stk-fixture.js';

export interface KillRound {
  /** CheckoutRequestIDs the emulator acknowledged before it was killed. */
  acknowledged: string[];
  /** Whether the data file (if there was one yet) was whole JSON right after the kill. */
  dataFileParsed: boolean;
}

/**
 * Starts the compiled emulator on `data`, sends up to `pushes` STK pushes from `connections` connections, and
 * kills it with SIGKILL `killAfterMs` after its first answer. Whatever moment that hits, the pushes it
 * acknowledged must survive.
 */
export async function burstUntilKilled(options: {
  data: string;
  callbackUrl: string;
  firstPhone: number;
  pushes: number;
  connections: number;
  killAfterMs: number;
}): Promise<KillRound> {
  const emulator = await spawnEmulator(['--port', '0', '--data', options.data, '--auto-accept', '--quiet']);
  const client = new KeepAliveClient(emulator.url, options.connections);
  const token = await fetchToken(client);
  const acknowledged: string[] = [];
  const killer = setTimeout(() => emulator.child.kill('SIGKILL'), options.killAfterMs);
  let next = options.firstPhone;
  const last = options.firstPhone + options.pushes;
  let dead = false;
  const worker = async () => {
    while (!dead && next < last) {
      const body = JSON.stringify(stkPushBody(phoneNumber(next++), options.callbackUrl));
      try {
        const reply = await client.send({
          method: 'POST',
          path: '/mpesa/stkpush/v1/processrequest',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body,
        });
        if (reply.status === 200) acknowledged.push((JSON.parse(reply.body) as StkPushAck).CheckoutRequestID);
      } catch {
        dead = true;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  // A burst that ended before the kill still gets killed: the point is an unclean stop.
  emulator.child.kill('SIGKILL');
  clearTimeout(killer);
  await emulator.exited;
  client.close();
  let dataFileParsed = true;
  if (existsSync(options.data)) {
    try {
      JSON.parse(readFileSync(options.data, 'utf8'));
    } catch {
      dataFileParsed = false;
    }
  }
  return { acknowledged, dataFileParsed };
}

export interface Verification {
  missing: string[];
  /** Present but not a whole STK transaction. */
  malformed: string[];
  /** Temporary or stale-lock files left beside the data file after a clean start. */
  leftovers: string[];
}

/** Starts the emulator on `data` again and looks every id up through the control API. */
export async function verifyPresent(data: string, ids: string[], connections = 20): Promise<Verification> {
  const emulator = await spawnEmulator(['--port', '0', '--data', data, '--quiet']);
  const client = new KeepAliveClient(emulator.url, connections);
  const missing: string[] = [];
  const malformed: string[] = [];
  try {
    await Promise.all(
      Array.from({ length: connections }, async (_, w) => {
        for (let i = w; i < ids.length; i += connections) {
          const id = ids[i] as string;
          const reply = await client.json('GET', `/_emulator/transactions/${id}`);
          if (reply.status !== 200) {
            missing.push(id);
            continue;
          }
          const t = reply.json as TransactionView;
          const whole = t?.id === id && t.type === 'stk' && typeof t.phone === 'string' && t.amount === 1;
          if (!whole) malformed.push(id);
        }
      }),
    );
    const leftovers = readdirSync(dirname(data)).filter((f) => f.endsWith('.tmp') || f.includes('.stale-'));
    return { missing, malformed, leftovers };
  } finally {
    client.close();
    await emulator.stop('SIGTERM');
  }
}
