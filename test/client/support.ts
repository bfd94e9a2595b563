import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DarajaClient, createCallbackHandler, type DarajaClientConfig } from 'daraja-client';
import type { EmulatorOptions, Listening } from 'daraja-emulator';
import { Emulator } from '../../emulator/src/internals.js';

export const PASSKEY = 'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919';

export interface Harness {
  emulator: Emulator;
  server: Listening;
  client: DarajaClient;
  /** A real callback endpoint on 127.0.0.1, answered by the client's own handler. */
  callbackUrl: string;
  received: { kind: string; value: unknown }[];
  close(): Promise<void>;
}

/** A real emulator on 127.0.0.1 and a real client pointed at it, sharing the emulator's clock. */
export async function harness(
  options: EmulatorOptions = {},
  config: Partial<DarajaClientConfig> = {},
): Promise<Harness> {
  const emulator = new Emulator({ clock: 'manual', uiDir: false, ...options });
  const server = await emulator.listen(0, '127.0.0.1');
  const received: { kind: string; value: unknown }[] = [];
  const handler = createCallbackHandler({
    onStk: (value) => void received.push({ kind: 'stk', value }),
    onResult: (value) => void received.push({ kind: 'result', value }),
    onC2BValidation: (value) => void received.push({ kind: 'validation', value }),
    onC2BConfirmation: (value) => void received.push({ kind: 'confirmation', value }),
  });
  const sink = http.createServer(handler);
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const callbackUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
  const client = new DarajaClient({
    consumerKey: 'integration-key',
    consumerSecret: 'integration-secret',
    baseUrl: server.url,
    shortcode: '174379',
    passkey: PASSKEY,
    now: () => emulator.clock.now(),
    ...config,
  });
  return {
    emulator,
    server,
    client,
    callbackUrl,
    received,
    close: async () => {
      await new Promise<void>((resolve) => sink.close(() => resolve()));
      await emulator.close();
    },
  };
}
