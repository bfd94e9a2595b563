/** What `npm run bench` prints and writes as JSON: the targets, the figures behind them, the rounds. */
import type { CapsFile } from './caps-file.js';
import type { LoadSample } from './machine-load.js';
import {
  figuresTable,
  formatNumber,
  markdownTable,
  summariseFigure,
  type Figure,
  type FigureSummary,
} from './summary.js';

export interface RoundValues {
  /** Each measurement's figure in this round (the median where it was taken more than once). */
  values: Record<string, number>;
  /** The order the measurements ran in. */
  order: string[];
  load: LoadSample;
}

export interface BenchReport {
  command: string;
  startedAt: string;
  seconds: number;
  machine: string;
  caps: CapsFile;
  settings: { rounds: number; flows: number; rate: number; tailSeconds: number };
  /** Resident memory (MB) of the two emulators at the end, after `flows` flows each. */
  resident: { memory: number; data: number; flows: number };
  targets: FigureSummary[];
  figures: FigureSummary[];
  rounds: RoundValues[];
}

type Input = Omit<BenchReport, 'targets' | 'figures'>;

function perRound(rounds: RoundValues[], f: (v: Record<string, number>) => number): number[] {
  return rounds.map((r) => f(r.values));
}

function targets(input: Input): Figure[] {
  const { rounds, settings } = input;
  const v = (key: string) => (values: Record<string, number>) => values[key] ?? Number.NaN;
  const ratio = (a: string, b: string) => perRound(rounds, (x) => v(a)(x) / v(b)(x));
  return [
    {
      name: 'start: emulator --memory / bare Express (spawn to first 200)',
      unit: 'x',
      perRound: ratio('start.memory', 'start.express'),
      target: { kind: 'max', value: 1.0, over: 'median' },
      note: 'the installed bin; the first 200 is a token request',
    },
    {
      name: 'start: emulator on a data file at the caps / bare Express',
      unit: 'x',
      perRound: ratio('start.caps', 'start.express'),
      target: { kind: 'max', value: 1.5, over: 'median' },
      note: `${input.caps.megabytes.toFixed(1)} MB data file`,
    },
    {
      name: 'complete flows: emulator --memory / raw ack + callback',
      unit: 'x',
      perRound: ratio('flows.memory', 'flows.rawCallback'),
      target: { kind: 'min', value: 0.6, over: 'median' },
      note: `${settings.flows} flows a round from 50 connections; automatic acceptance`,
    },
    {
      name: 'complete flows: emulator --data / --memory',
      unit: 'x',
      perRound: ratio('flows.data', 'flows.memory'),
      target: { kind: 'min', value: 0.9, over: 'median' },
      note: 'the data file starts at the caps',
    },
    {
      name: `p99 at ${settings.rate} flows/s offered, emulator --memory`,
      unit: 'ms',
      perRound: perRound(rounds, v('tail.memory.p99')),
      target: { kind: 'max', value: 25, over: 'every' },
      note: 'evenly spaced; latency from each request’s due time',
    },
    {
      name: `p99 at ${settings.rate} flows/s offered, emulator --data`,
      unit: 'ms',
      perRound: perRound(rounds, v('tail.data.p99')),
      target: { kind: 'max', value: 25, over: 'every' },
    },
    {
      name: 'SIGTERM to exit at the caps (final save)',
      unit: 'ms',
      perRound: perRound(rounds, v('stop.caps')),
      target: { kind: 'max', value: 100, over: 'every' },
      note: 'after 500 flows on a data file at the caps',
    },
  ];
}

function figures(input: Input): Figure[] {
  const { rounds, settings } = input;
  const v = (key: string) => perRound(rounds, (x) => x[key] ?? Number.NaN);
  const ratio = (a: string, b: string) => perRound(rounds, (x) => (x[a] ?? NaN) / (x[b] ?? NaN));
  return [
    { name: 'start: bare Express', unit: 'ms', perRound: v('start.express') },
    { name: 'start: emulator --memory', unit: 'ms', perRound: v('start.memory') },
    { name: 'start: emulator at the caps', unit: 'ms', perRound: v('start.caps') },
    { name: 'acknowledgements: raw node:http', unit: '/s', perRound: v('ack.raw') },
    { name: 'flows: raw ack + callback', unit: '/s', perRound: v('flows.rawCallback') },
    { name: 'flows: Express ack + callback', unit: '/s', perRound: v('flows.expressCallback') },
    { name: 'flows: emulator --memory', unit: '/s', perRound: v('flows.memory') },
    { name: 'flows: emulator --data', unit: '/s', perRound: v('flows.data') },
    {
      name: 'flows: Express ack + callback / raw ack + callback',
      unit: 'x',
      perRound: ratio('flows.expressCallback', 'flows.rawCallback'),
    },
    {
      name: 'acknowledged pushes/s during flows: emulator --memory / raw ack',
      unit: 'x',
      perRound: ratio('acks.memory', 'ack.raw'),
    },
    {
      name: 'acknowledged pushes/s during flows: emulator --data / raw ack',
      unit: 'x',
      perRound: ratio('acks.data', 'ack.raw'),
    },
    {
      name: `p99 at ${settings.rate}/s: Express ack + callback`,
      unit: 'ms',
      perRound: v('tail.expressCallback.p99'),
    },
    { name: `p50 at ${settings.rate}/s: emulator --memory`, unit: 'ms', perRound: v('tail.memory.p50') },
    { name: `max at ${settings.rate}/s: emulator --memory`, unit: 'ms', perRound: v('tail.memory.max') },
    { name: `p50 at ${settings.rate}/s: emulator --data`, unit: 'ms', perRound: v('tail.data.p50') },
    { name: `max at ${settings.rate}/s: emulator --data`, unit: 'ms', perRound: v('tail.data.max') },
    { name: `rate achieved: emulator --data`, unit: '/s', perRound: v('tail.data.offered') },
  ];
}

export function buildReport(input: Input): BenchReport {
  return {
    ...input,
    targets: targets(input).map(summariseFigure),
    figures: figures(input).map(summariseFigure),
  };
}

const percent = (share: number | undefined) => (share === undefined ? 'n/a' : `${(share * 100).toFixed(0)}%`);

export function printReport(report: BenchReport): string {
  const failures = report.rounds.flatMap((r, i) =>
    Object.entries(r.values)
      .filter(([k, n]) => k.startsWith('failed.') && n > 0)
      .map(([k, n]) => `round ${i + 1}: ${k.slice('failed.'.length)} ${n}`),
  );
  const passed = report.targets.filter((t) => t.result === 'PASS').length;
  return [
    `Command: ${report.command}`,
    `Machine: ${report.machine}`,
    `Started ${report.startedAt}; ${report.rounds.length} rounds in ${report.seconds.toFixed(0)} s`,
    `Data file at the caps: ${report.caps.megabytes.toFixed(1)} MB; records ${JSON.stringify(report.caps.records)}`,
    '',
    'Targets (each round compares with baselines measured in the same round):',
    '',
    figuresTable(report.targets),
    '',
    'Figures behind them:',
    '',
    figuresTable(report.figures),
    '',
    'Machine load per round (CPU shares of both cores; "others" is what other processes used):',
    '',
    markdownTable(
      ['Round', 'Load average (1 min)', 'CPU busy', 'Others'],
      report.rounds.map((r, i) => [
        String(i + 1),
        formatNumber(r.load.loadAverage),
        percent(r.load.busy),
        percent(r.load.others),
      ]),
    ),
    '',
    `Resident memory at the end, after ${report.resident.flows.toLocaleString('en-US')} flows each: ` +
      `emulator --memory ${formatNumber(report.resident.memory, 'MB')}, --data ${formatNumber(report.resident.data, 'MB')}.`,
    failures.length
      ? `Requests or callbacks that failed: ${failures.join('; ')}`
      : 'No request or callback failed.',
    `${passed} of ${report.targets.length} targets met.`,
  ].join('\n');
}
