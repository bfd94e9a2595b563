/** One page of a history, newest first, and how many records match in all. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** Where a page starts and how long it is; the control API caps `limit` at 10,000. */
export interface PageWindow {
  offset?: number;
  limit?: number;
}

/**
 * Walks a history from its newest record back, keeping those that pass `keep`, and returns the page
 * `[offset, offset + limit)` of them with the count of every match: a list can say "50 of 3,214".
 */
export function pageNewestFirst<T>(
  oldestFirst: Iterable<T>,
  keep: (item: T) => boolean,
  window: PageWindow = {},
): Page<T> {
  const all = Array.isArray(oldestFirst) ? (oldestFirst as T[]) : [...oldestFirst];
  const offset = window.offset ?? 0;
  const limit = window.limit ?? 200;
  const items: T[] = [];
  let total = 0;
  for (let i = all.length - 1; i >= 0; i--) {
    const item = all[i] as T;
    if (!keep(item)) continue;
    if (total >= offset && items.length < limit) items.push(item);
    total++;
  }
  return { items, total };
}

/** The newest record that passes `keep`, found without walking further back than it. */
export function newestMatch<T>(oldestFirst: Iterable<T>, keep: (item: T) => boolean): T | undefined {
  const all = Array.isArray(oldestFirst) ? (oldestFirst as T[]) : [...oldestFirst];
  for (let i = all.length - 1; i >= 0; i--) {
    const item = all[i] as T;
    if (keep(item)) return item;
  }
  return undefined;
}
