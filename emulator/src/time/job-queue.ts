/** A scheduled piece of work. */
export interface Job {
  id: number;
  at: number;
  label: string;
  run: () => unknown;
}

const before = (a: Job, b: Job) => a.at < b.at || (a.at === b.at && a.id < b.id);

/**
 * Jobs ordered by due time, then by the order they were added: a binary heap, so adding, cancelling and
 * taking the next job cost O(log n) however many prompts and callbacks are waiting. Cancelled jobs are
 * forgotten at once and skipped lazily when they reach the top.
 */
export class JobQueue {
  #heap: Job[] = [];
  readonly #live = new Map<number, Job>();

  get size(): number {
    return this.#live.size;
  }

  add(job: Job): void {
    this.#live.set(job.id, job);
    this.#heap.push(job);
    this.#up(this.#heap.length - 1);
  }

  cancel(id: number): boolean {
    return this.#live.delete(id);
  }

  /** The earliest live job, without removing it. */
  peek(): Job | undefined {
    this.#dropCancelled();
    return this.#heap[0];
  }

  /** Removes and returns the earliest live job. */
  shift(): Job | undefined {
    this.#dropCancelled();
    const top = this.#heap[0];
    if (!top) return undefined;
    this.#pop();
    this.#live.delete(top.id);
    return top;
  }

  clear(): void {
    this.#heap = [];
    this.#live.clear();
  }

  /** Live jobs in due order (a copy; for display). */
  list(limit = Number.POSITIVE_INFINITY): Job[] {
    return [...this.#live.values()].sort((a, b) => (before(a, b) ? -1 : 1)).slice(0, limit);
  }

  #dropCancelled(): void {
    while (this.#heap[0] && !this.#live.has(this.#heap[0].id)) this.#pop();
    // Mostly-cancelled heaps are rebuilt so that memory follows the live jobs.
    if (this.#heap.length > 1024 && this.#heap.length > 4 * this.#live.size) {
      this.#heap = [...this.#live.values()];
      for (let i = (this.#heap.length >> 1) - 1; i >= 0; i--) this.#down(i);
    }
  }

  #pop(): void {
    const last = this.#heap.pop() as Job;
    if (this.#heap.length === 0) return;
    this.#heap[0] = last;
    this.#down(0);
  }

  #up(i: number): void {
    const heap = this.#heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Job, heap[parent] as Job)) break;
      [heap[i], heap[parent]] = [heap[parent] as Job, heap[i] as Job];
      i = parent;
    }
  }

  #down(i: number): void {
    const heap = this.#heap;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left] as Job, heap[smallest] as Job)) smallest = left;
      if (right < heap.length && before(heap[right] as Job, heap[smallest] as Job)) smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest] as Job, heap[i] as Job];
      i = smallest;
    }
  }
}
