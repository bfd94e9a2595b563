import { describe, expect, it } from 'vitest';
import { JobQueue } from './job-queue.js';
import { seededRandom } from '../ids/random.js';

const job = (id: number, at: number) => ({ id, at, label: `job ${id}`, run: () => undefined });

describe('job queue', () => {
  it('hands out jobs by due time, then in the order they were added', () => {
    const q = new JobQueue();
    const random = seededRandom(5);
    const jobs = Array.from({ length: 2_000 }, (_, i) => job(i + 1, Math.floor(random.next() * 100)));
    for (const j of jobs) q.add(j);
    const out: number[] = [];
    for (let j = q.shift(); j; j = q.shift()) out.push(j.id);
    const expected = [...jobs].sort((a, b) => a.at - b.at || a.id - b.id).map((j) => j.id);
    expect(out).toEqual(expected);
  });

  it('skips cancelled jobs and keeps its size to the live ones', () => {
    const q = new JobQueue();
    for (let i = 1; i <= 10_000; i++) q.add(job(i, i));
    for (let i = 1; i <= 10_000; i++) if (i % 10 !== 0) q.cancel(i);
    expect(q.size).toBe(1_000);
    expect(q.peek()?.id).toBe(10);
    expect(q.list(3).map((j) => j.id)).toEqual([10, 20, 30]);
    let count = 0;
    while (q.shift()) count++;
    expect(count).toBe(1_000);
  });
});
