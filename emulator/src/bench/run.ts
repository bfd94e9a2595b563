/**
 * `npm run bench [-- --rounds N --json FILE]`: the performance report. Every figure with a target is a
 * ratio to a bare baseline measured in the same round, or checked in every round, so that a busy machine
 * moves both sides alike. Each round runs every measurement once, in an order rotated from round to
 * round; the report gives each figure's median and its spread across rounds, and how busy the machine
 * was. Servers run as child processes on 127.0.0.1 and the load comes from this process; callbacks go to
 * a sink in a worker thread.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { copyDataFile, describeDataFile, fillToCaps, type CapsFile } from './caps-file.js';
import { LoadMeter, type LoadSample } from './machine-load.js';
import { ackBurst, flowBurst, spawnToFirstOk, stopAtCaps, tailAtRate } from './measures.js';
import { machine } from './report.js';
import { SinkThread } from './sink-thread.js';
import { residentMb, spawnReady } from './spawn-emulator.js';
import { median } from './stats.js';
import { installedBin, spawnBin, startBare, startEmulator, type Running } from './subjects.js';
import { buildReport, printReport, type RoundValues } from './bench-report.js';
import { fileURLToPath } from 'node:url';

const BARE_SERVER = fileURLToPath(new URL('./bare-server.js', import.meta.url));

const USAGE = `npm run bench [-- options]

  --rounds N           rounds of every measurement, in rotated order (default 5)
  --max-seconds S      start no round after S seconds of the run (default 200)
  --json FILE          where the report is written as JSON (default bench-report.json)
  --flows N            complete flows per throughput burst (default 2000)
  --rate R             requests per second offered for the tail (default 1000)
  --tail-seconds S     how long the tail is measured (default 3)
  --caps-file FILE     a data file at the history caps from an earlier run, instead of filling one
  --keep-caps-file F   keep the data file filled to the caps at F, for --caps-file later
  --help               this text`;

function readOptions() {
  try {
    return parseArgs({
      options: {
        rounds: { type: 'string', default: '5' },
        /** No round starts after this many seconds of the run, so that it stays well under five minutes. */
        'max-seconds': { type: 'string', default: '200' },
        json: { type: 'string', default: 'bench-report.json' },
        flows: { type: 'string', default: '2000' },
        rate: { type: 'string', default: '1000' },
        'tail-seconds': { type: 'string', default: '3' },
        /** A data file at the caps from an earlier run (kept with --keep-caps-file), to skip filling one. */
        'caps-file': { type: 'string' },
        'keep-caps-file': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

const options = readOptions();
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
for (const name of ['rounds', 'max-seconds', 'flows', 'rate', 'tail-seconds'] as const) {
  const value = Number(options[name]);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`bench: --${name} must be a positive number, not "${options[name]}".\n\n${USAGE}`);
    process.exit(2);
  }
}
const ROUNDS = Number(options.rounds);
const BUDGET_MS = Number(options['max-seconds']) * 1000;
const FLOWS = Number(options.flows);
const RATE = Number(options.rate);
const TAIL_MS = Number(options['tail-seconds']) * 1000;

const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const startedAt = new Date().toISOString();
  const dir = mkdtempSync(join(tmpdir(), 'daraja-bench-'));
  const sink = await SinkThread.start();
  const running: Running[] = [];
  try {
    const bin = installedBin(dir);
    const emulator = (args: string[], firstPhone = 0) =>
      startEmulator(bin, [...args, '--auto-accept'], sink.url, firstPhone);

    let caps: CapsFile;
    if (options['caps-file']) {
      caps = describeDataFile(options['caps-file']);
    } else {
      progress('filling a data file to the history caps');
      const fill = (file: string, first: number) => emulator(['--data', file], first);
      caps = await fillToCaps(join(dir, 'caps.json'), fill, sink);
      if (options['keep-caps-file']) copyDataFile(caps.path, options['keep-caps-file']);
    }
    progress(`data file at the caps: ${caps.megabytes.toFixed(1)} MB, ${JSON.stringify(caps.records)}`);

    const dataFile = join(dir, 'data.json');
    copyDataFile(caps.path, dataFile);
    const servers = {
      raw: await startBare('raw', sink.url),
      rawCallback: await startBare('raw-callback', sink.url),
      expressCallback: await startBare('express-callback', sink.url),
      memory: await emulator(['--memory']),
      data: await emulator(['--data', dataFile]),
    };
    running.push(...Object.values(servers));
    const next = new Map<Running, number>();
    const indexFor = (server: Running, count: number) => {
      const first = next.get(server) ?? 0;
      next.set(server, first + count);
      return first;
    };

    progress('warming up every server');
    for (const server of [servers.rawCallback, servers.expressCallback, servers.memory, servers.data]) {
      await flowBurst(server, sink, FLOWS / 2, indexFor(server, FLOWS / 2));
    }
    await ackBurst(servers.raw, FLOWS);

    let copies = 0;
    const capsCopy = () => {
      const copy = join(dir, `start-${copies++}.json`);
      copyDataFile(caps.path, copy);
      return copy;
    };
    const rounds: RoundValues[] = [];
    const meter = new LoadMeter(() => running.map((r) => r.spawned.child.pid ?? 0));
    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0 && Number(process.hrtime.bigint() - started) / 1e6 > BUDGET_MS) {
        progress(`stopping after ${round} rounds: the run's time budget is spent`);
        break;
      }
      const values: Record<string, number[]> = {};
      const record = (key: string, value: number): void => {
        (values[key] ??= []).push(value);
      };
      const tasks: [string, () => Promise<void>][] = [
        [
          'start bare Express',
          async () =>
            record('start.express', await spawnToFirstOk(() => spawnReady(BARE_SERVER, ['express']))),
        ],
        [
          'start emulator --memory',
          async () => record('start.memory', await spawnToFirstOk(() => spawnBin(bin, ['--memory']))),
        ],
        [
          'start emulator at the caps',
          async () => {
            const copy = capsCopy();
            record('start.caps', await spawnToFirstOk(() => spawnBin(bin, ['--data', copy])));
          },
        ],
        [
          'start bare Express',
          async () =>
            record('start.express', await spawnToFirstOk(() => spawnReady(BARE_SERVER, ['express']))),
        ],
        [
          'start emulator --memory',
          async () => record('start.memory', await spawnToFirstOk(() => spawnBin(bin, ['--memory']))),
        ],
        [
          'start emulator at the caps',
          async () => {
            const copy = capsCopy();
            record('start.caps', await spawnToFirstOk(() => spawnBin(bin, ['--data', copy])));
          },
        ],
        ['raw acknowledgements', async () => record('ack.raw', await ackBurst(servers.raw, FLOWS * 2))],
        ...(['rawCallback', 'expressCallback', 'memory', 'data'] as const).map(
          (name): [string, () => Promise<void>] => [
            `flows ${name}`,
            async () => {
              const server = servers[name];
              const burst = await flowBurst(server, sink, FLOWS, indexFor(server, FLOWS));
              record(`flows.${name}`, burst.flowsPerSecond);
              record(`acks.${name}`, burst.acksPerSecond);
              record(`failed.${name}`, burst.failed);
            },
          ],
        ),
        ...(['expressCallback', 'memory', 'data'] as const).map((name): [string, () => Promise<void>] => [
          `${RATE}/s ${name}`,
          async () => {
            const server = servers[name];
            const count = Math.round((RATE * TAIL_MS) / 1000);
            const tail = await tailAtRate(server, sink, RATE, TAIL_MS, indexFor(server, count));
            record(`tail.${name}.p99`, tail.p99);
            record(`tail.${name}.p50`, tail.p50);
            record(`tail.${name}.max`, tail.max);
            record(`tail.${name}.offered`, tail.offered);
            record(`failed.tail.${name}`, tail.failed);
          },
        ]),
        [
          'SIGTERM at the caps',
          async () => {
            const stop = await stopAtCaps(
              caps.path,
              join(dir, `stop-${round}.json`),
              (file) => emulator(['--data', file], 1_000_000),
              sink,
              500,
            );
            record('stop.caps', stop.stopMs);
            if (stop.exit !== 0) record('failed.stop', 1);
          },
        ],
      ];
      const shift = (round * 5) % tasks.length;
      const order = [...tasks.slice(shift), ...tasks.slice(0, shift)];
      progress(`round ${round + 1} of ${ROUNDS}`);
      meter.start();
      for (const [, task] of order) await task();
      const load: LoadSample = meter.stop();
      rounds.push({
        values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, median(v)])),
        order: order.map(([name]) => name),
        load,
      });
    }
    const resident = {
      memory: residentMb(servers.memory.spawned.child.pid ?? 0) ?? Number.NaN,
      data: residentMb(servers.data.spawned.child.pid ?? 0) ?? Number.NaN,
      flows: next.get(servers.memory) ?? 0,
    };
    const report = buildReport({
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim().replace(/ --$/, ''),
      startedAt,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      machine: machine(),
      caps,
      rounds,
      resident,
      settings: { rounds: ROUNDS, flows: FLOWS, rate: RATE, tailSeconds: TAIL_MS / 1000 },
    });
    const jsonPath = resolve(options.json);
    writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
    console.log(printReport(report));
    console.log(`\nThe same as JSON: ${jsonPath}`);
  } finally {
    for (const server of running) await server.stop().catch(() => undefined);
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error)?.stack ?? String(error)}`);
  process.exit(1);
});
