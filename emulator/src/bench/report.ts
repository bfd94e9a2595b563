import os from 'node:os';

/** One line of the performance table: a measured figure and, when it has one, its target. */
export interface Row {
  measure: string;
  value: number | undefined;
  unit: string;
  /** `min`: the value must be at least `target`; `max`: at most. */
  target?: { kind: 'min' | 'max'; value: number };
  note?: string;
}

export function verdict(row: Row): 'PASS' | 'MISS' | '' {
  if (!row.target) return '';
  if (row.value === undefined || Number.isNaN(row.value)) return 'MISS';
  return row.target.kind === 'min'
    ? row.value >= row.target.value
      ? 'PASS'
      : 'MISS'
    : row.value <= row.target.value
      ? 'PASS'
      : 'MISS';
}

function format(value: number | undefined, unit: string): string {
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

/** A Markdown table, so the output can be pasted into docs/results/ as it is. */
export function table(rows: Row[]): string {
  const lines = [
    ['Measure', 'Value', 'Target', 'Result', 'Notes'],
    ...rows.map((r) => [
      r.measure,
      format(r.value, r.unit),
      r.target ? `${r.target.kind === 'min' ? '≥' : '≤'} ${format(r.target.value, r.unit)}` : '',
      verdict(r),
      r.note ?? '',
    ]),
  ];
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  const render = (l: string[]) => `| ${l.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [
    render(lines[0]!),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...lines.slice(1).map(render),
  ].join('\n');
}

/** What the figures were taken on, and how busy it was when the run started. */
export function machine(): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return [
    `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `${os.type()} ${os.release()}`,
    `Node ${process.version}`,
    `load average ${load}`,
  ].join('; ');
}
