import { expect, test } from 'vitest';
import { RecordLayoutScan, type ScanStep } from './record-layout-scan.js';
import { emptySnapshot, type SnapshotData } from './snapshot.js';

function dataWith(count: number): SnapshotData {
  const data = emptySnapshot();
  data.collections = {
    payments: Array.from({ length: count }, (_, i) => ({
      id: `p${i}`,
      amount: i,
      nested: { note: `n ${i}` },
    })),
    empty: [],
    settings: [{ id: 'only', list: [1, { deep: true }] }],
  };
  return data;
}

/** Every step until the scan ends, and what each found. */
function scanAll(bytes: Buffer, data: SnapshotData, sliceBytes: number): ScanStep[] {
  const scan = new RecordLayoutScan(bytes, data);
  const steps: ScanStep[] = [];
  for (;;) {
    const step = scan.step(sliceBytes);
    steps.push(step);
    if (step.state !== 'more') return steps;
  }
}

const found = (steps: ScanStep[]) =>
  steps.flatMap((step) => (step.state === 'other-layout' ? [] : step.found));

test('a scan in small slices finds every record where the whole text holds it', () => {
  const data = dataWith(200);
  const bytes = Buffer.from(JSON.stringify(data, null, 2));
  const steps = scanAll(bytes, data, 512);
  expect(steps.length).toBeGreaterThan(10);
  expect(steps.at(-1)?.state).toBe('done');
  const placed = found(steps);
  const records = [...(data.collections.payments ?? []), ...(data.collections.settings ?? [])];
  expect(placed).toHaveLength(records.length * 3);
  for (let i = 0; i < placed.length; i += 3) {
    const record = placed[i] as object;
    expect(record).toBe(records[i / 3]);
    const text = bytes.subarray(placed[i + 1] as number, placed[i + 2] as number).toString('utf8');
    expect(JSON.parse(text)).toEqual(record);
  }
  expect(found(scanAll(bytes, data, Infinity))).toEqual(placed);
});

test('a file laid out otherwise is reported at the first piece that does not match', () => {
  const data = dataWith(50);
  const compact = Buffer.from(JSON.stringify(data));
  expect(scanAll(compact, data, 256).at(-1)).toEqual({ state: 'other-layout' });

  // Record p40 moved one space to the left, as a hand edit might: its start no longer matches.
  const text = JSON.stringify(data, null, 2).replace(
    '\n      {\n        "id": "p40",',
    '\n     {\n        "id": "p40",',
  );
  const edited = Buffer.from(text);
  const steps = scanAll(edited, data, 256);
  expect(steps.at(-1)).toEqual({ state: 'other-layout' });
  expect(steps.some((step) => step.state === 'more' && step.found.length > 0)).toBe(true);
});
