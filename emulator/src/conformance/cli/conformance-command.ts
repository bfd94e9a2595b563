import { writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { ConformanceResult, VariantValues } from 'daraja-client/emulator';
import { Emulator, type Listening } from '../../emulator.js';
import type { CommandIo } from '../../pact/verify-command.js';
import { ManualClock, SystemClock } from '../../time/clock.js';
import type { Timers } from '../../time/timers.js';
import { selectVariants, unknownVariants } from '../catalogue.js';
import { ControlClient } from '../control-client.js';
import { DarajaSide } from '../daraja-side.js';
import { judge } from '../judge.js';
import { playVariant } from '../play-variant.js';
import { runAction, type AppAction } from './app-action.js';
import { CONFORMANCE_USAGE, parseConformanceArgs, type ConformanceArgs } from './conformance-args.js';
import { probeApp } from './probe.js';
import { junitReport } from './report-junit.js';
import { progressLine, textReport } from './report-text.js';

const clock = new SystemClock();

const processIo: CommandIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** Real waiting that keeps the process alive (a system-clock emulator's timeouts take real time). */
const waitingTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** Runs `daraja-emulator conformance …`; resolves with the exit code. */
export async function runConformanceCommand(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CommandIo = processIo,
): Promise<number> {
  let args: ConformanceArgs;
  try {
    args = parseConformanceArgs(argv, env);
  } catch (error) {
    io.err(`daraja-emulator conformance: ${(error as Error).message}\n\n${CONFORMANCE_USAGE}`);
    return 2;
  }
  if (args.help) return (io.out(CONFORMANCE_USAGE), 0);
  const variants = selectVariants({
    ...(args.families.length ? { family: args.families } : {}),
    ...(args.variants.length ? { names: args.variants } : {}),
    without: args.without,
  });
  if (args.list) {
    for (const v of variants) io.out(`${v.name.padEnd(42)} ${v.expect.outcome.padEnd(8)} ${v.description}`);
    return 0;
  }
  if (Object.keys(args.triggers).length === 0 && !args.callbackUrl) {
    io.err(
      'daraja-emulator conformance: give --trigger or --trigger-cmd (your app starts the payment), or --callback-url (the emulator does).',
    );
    return 2;
  }
  let own: { emulator: Emulator; http: Listening } | undefined;
  try {
    if (!args.emulatorUrl) {
      // A manual clock starting now: ids made from the time (CheckoutRequestID) differ from an earlier run's,
      // which an app that outlives the run may still hold.
      const emulator = new Emulator({ clock: new ManualClock(clock.now()), store: 'memory' });
      own = { emulator, http: await emulator.listen(args.port, '127.0.0.1') };
      io.err(`Emulator started on ${own.http.url} (manual clock); point your app's Daraja base URL at it.`);
    }
  } catch (error) {
    io.err(`daraja-emulator conformance: could not start the emulator: ${(error as Error).message}`);
    return 1;
  }
  try {
    const control = new ControlClient(args.emulatorUrl ?? own?.http.url ?? '', args.adminToken);
    if ((await control.clock()).kind === 'system') {
      io.err(
        'Note: this emulator runs on the system clock; variants with timeouts wait in real time (start it with --clock manual).',
      );
    }
    const results = await runAll(control, args, variants, io);
    if (args.json)
      io.out(
        JSON.stringify(
          results.map((r) => r.result),
          null,
          2,
        ),
      );
    else
      io.out(
        textReport(
          results.map((r) => r.result),
          args.verbose,
        ),
      );
    if (args.junit)
      writeFileSync(
        args.junit,
        junitReport(
          results.map((r) => r.result),
          results.map((r) => r.ms),
        ),
      );
    return results.every((r) => r.result.verdict === 'pass') ? 0 : 1;
  } catch (error) {
    io.err(`daraja-emulator conformance: ${(error as Error).message}`);
    return 1;
  } finally {
    if (own) {
      await own.http.close();
      await own.emulator.close();
    }
  }
}

async function runAll(
  control: ControlClient,
  args: ConformanceArgs,
  variants: ReturnType<typeof selectVariants>,
  io: CommandIo,
): Promise<{ result: ConformanceResult; ms: number }[]> {
  const runId = `run-${randomBytes(4).toString('hex')}`;
  const daraja = new DarajaSide(control);
  const unknown = unknownVariants(args.variants);
  const total = variants.length + unknown.length;
  const out: { result: ConformanceResult; ms: number }[] = [];
  const finish = async (result: ConformanceResult, ms: number) => {
    out.push({ result, ms });
    io.err(progressLine(result, out.length, total));
    await control.report(result).catch(() => undefined);
  };
  for (const name of unknown) {
    await finish(
      {
        runId,
        variant: name,
        values: {},
        callbacks: [],
        verdict: 'error',
        reasons: [`No variant "${name}"; --list shows them.`],
        at: clock.now(),
      },
      0,
    );
  }
  const step = (action: AppAction | undefined) =>
    action
      ? async (values: VariantValues) => {
          const done = await runAction(action, values, args.timeoutMs);
          if (!done.ok) throw new Error(done.line);
          return done.line;
        }
      : undefined;
  const reconcile = step(args.reconcile);
  for (const variant of variants) {
    const trigger = step(args.triggers[variant.family] ?? args.triggers['*']);
    const started = clock.now();
    const run = await playVariant(control, daraja, variant, {
      ...(trigger ? { trigger } : {}),
      ...(!trigger && args.callbackUrl ? { callbackUrl: args.callbackUrl } : {}),
      ...(reconcile ? { reconcile } : {}),
      ...(args.c2b ? { c2b: args.c2b } : {}),
      values: args.values,
      ...(args.appTimeoutMs !== undefined ? { appTimeoutMs: args.appTimeoutMs } : {}),
      timers: waitingTimers,
    });
    const probe =
      args.probe && !run.error
        ? await probeApp(args.probe, run.values, args.expectations, args.timeoutMs)
        : undefined;
    await finish(judge(run, runId, clock.now(), probe), clock.now() - started);
  }
  return out;
}
