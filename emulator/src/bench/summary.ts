/**
 * The bench's verdicts: each target is a figure computed round by round (a ratio to a baseline measured in
 * the same round, or an absolute figure), summarised by its median and its spread across rounds.
 */
import { median } from './stats.js';

export interface Target {
  kind: 'min' | 'max';
  value: number;
  /** `median`: the median over rounds must meet it; `every`: each round must. */
  over: 'median' | 'every';
}

export interface Figure {
  name: string;
  unit: string;
  perRound: number[];
  target?: Target;
  note?: string;
}

export interface FigureSummary extends Figure {
  median: number;
  min: number;
  max: number;
  /** Rounds whose figure met the target. */
  roundsMet?: number;
  result?: 'PASS' | 'MISS';
}

const meets = (value: number, t: Target) =>
  !Number.isNaN(value) && (t.kind === 'min' ? value >= t.value : value <= t.value);

export function summariseFigure(figure: Figure): FigureSummary {
  const values = figure.perRound.filter((v) => !Number.isNaN(v));
  const summary: FigureSummary = {
    ...figure,
    median: values.length ? median(values) : Number.NaN,
    min: values.length ? Math.min(...values) : Number.NaN,
    max: values.length ? Math.max(...values) : Number.NaN,
  };
  const t = figure.target;
  if (!t) return summary;
  const roundsMet = figure.perRound.filter((v) => meets(v, t)).length;
  const pass = t.over === 'every' ? roundsMet === figure.perRound.length : meets(summary.median, t);
  return { ...summary, roundsMet, result: pass && figure.perRound.length > 0 ? 'PASS' : 'MISS' };
}

export function formatNumber(value: number, unit = ''): string {
  if (Number.isNaN(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

/** A Markdown table, so the output can be pasted into docs/results/ as it is. */
export function markdownTable(header: string[], rows: string[][]): string {
  const lines = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...lines.map((l) => (l[c] ?? '').length)));
  const render = (l: string[]) => `| ${l.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [render(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(render)].join(
    '\n',
  );
}

export function figuresTable(figures: FigureSummary[]): string {
  return markdownTable(
    ['Measure', 'Median', 'Spread (min–max)', 'Target', 'Rounds met', 'Result', 'Notes'],
    figures.map((f) => [
      f.name,
      formatNumber(f.median, f.unit),
      `${formatNumber(f.min)}–${formatNumber(f.max)}`,
      f.target
        ? `${f.target.kind === 'min' ? '≥' : '≤'} ${formatNumber(f.target.value, f.unit)}${f.target.over === 'every' ? ' every round' : ''}`
        : '',
      f.roundsMet === undefined ? '' : `${f.roundsMet}/${f.perRound.length}`,
      f.result ?? '',
      f.note ?? '',
    ]),
  );
}
