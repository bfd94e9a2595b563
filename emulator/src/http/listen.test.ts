import { connect } from 'node:net';
import { once } from 'node:events';
import { expect, test } from 'vitest';
import { Emulator } from '../emulator.js';

test('closing does not wait for a client that never finishes sending its request', async () => {
  const emulator = new Emulator({ connections: { closeGraceMs: 50 } });
  const listening = await emulator.listen(0, '127.0.0.1');
  const socket = connect(listening.port, '127.0.0.1');
  await once(socket, 'connect');
  // Headers promise 100 bytes of body; only a few arrive, so the request stays in flight.
  socket.write(
    'POST /mpesa/stkpush/v1/processrequest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
      'Content-Length: 100\r\n\r\n{"Busi',
  );
  const ended = once(socket, 'close');
  await emulator.close();
  await ended;
  expect(socket.destroyed).toBe(true);
});
