import { parseArgs } from 'node:util';
import type { CommandIo } from '../pact/verify-command.js';
import { CallbackSink } from '../testing/callback-sink.js';
import { printable } from './describe-callback.js';
import { SINK_MODES, sinkReply, type SinkMode } from './sink-reply.js';

export const SINK_USAGE = `Usage: daraja-emulator sink [options]

A callback receiver for trying Daraja without an app: use its URL as CallBackURL, ResultURL,
QueueTimeOutURL or C2B URL. It answers what Daraja expects and prints every callback as it arrives.

  --port <n>            port to listen on (default 3000; 0 picks a free one)
  --host <addr>         address to bind (default 127.0.0.1)
  --reply <mode>        ok (default): {"ResultCode":0,"ResultDesc":"Accepted"}, and "0" to C2B validation
                        500: answer HTTP 500 to everything
                        timeout: never answer (the emulator gives up after callbacks.timeoutMs,
                        C2B validation after about 8 s)
                        reject: refuse C2B validation (other callbacks are accepted)
  --reject-code <code>  the C2B rejection code (default C2B00012, invalid account number)
  --json                print each request as one JSON line instead
  --help                show this text`;

const processIo: CommandIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** Runs `daraja-emulator sink`; resolves with the exit code once it stops (SIGINT or SIGTERM). */
export async function runSinkCommand(
  argv: string[],
  io: CommandIo = processIo,
  stop?: Promise<void>,
): Promise<number> {
  let port: number;
  let host: string;
  let mode: SinkMode;
  let options: { 'reject-code'?: string; json?: boolean; help?: boolean };
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        reply: { type: 'string' },
        'reject-code': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
    options = values;
    port = Number(values.port ?? 3000);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--port must be 0-65535, not "${values.port}".`);
    host = values.host ?? '127.0.0.1';
    mode = (values.reply ?? 'ok') as SinkMode;
    if (!SINK_MODES.includes(mode))
      throw new Error(`--reply must be one of ${SINK_MODES.join(', ')}, not "${values.reply}".`);
  } catch (error) {
    io.err(`daraja-emulator sink: ${(error as Error).message}\n\n${SINK_USAGE}`);
    return 2;
  }
  if (options.help) return (io.out(SINK_USAGE), 0);
  const sink = new CallbackSink({
    reply: sinkReply(mode, options['reject-code'] ?? 'C2B00012'),
    onRequest: (request, reply) => {
      io.out(
        options.json
          ? JSON.stringify({
              at: new Date().toISOString(),
              method: request.method,
              path: request.path,
              body: request.body,
              reply,
            })
          : printable(request, reply, new Date()),
      );
      sink.clear(); // a long-running sink keeps nothing
    },
  });
  // Listened for before the line that says the sink is up: a signal sent on reading it must stop it cleanly.
  let onSignal: (() => void) | undefined;
  const signalled =
    stop ??
    new Promise<void>((resolve) => {
      onSignal = resolve;
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
  try {
    await sink.listen(port, host);
  } catch (error) {
    io.err(`daraja-emulator sink: cannot listen on ${host}:${port}: ${(error as Error).message}`);
    if (onSignal) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    return 1;
  }
  io.err(
    `Callback sink on ${sink.url} (reply: ${mode}); use ${sink.url}/<any path> as your callback URL. Ctrl-C stops it.`,
  );
  await signalled;
  await sink.close();
  return 0;
}
