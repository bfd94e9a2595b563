import { useState } from 'react';
import type { Page } from '../api/control-api';
import { type LiveList, type LiveListOptions, useLiveList } from './use-live-list';

/** How many rows a list opens with, and how many more each "Show more" brings. */
export const PAGE_SIZE = 50;

export interface PagedList<T> extends LiveList<T> {
  /** Loads the next PAGE_SIZE records too. */
  more: () => void;
}

/**
 * A history list filtered and paged on the server: it opens with the newest PAGE_SIZE records, knows how
 * many match in all, and grows by a page at a time. Changing the filter (`deps`) starts again from one page.
 */
export function usePagedList<T>(
  options: Omit<LiveListOptions<T>, 'load' | 'limit'> & { load: (limit: number) => Promise<Page<T>> },
  deps: readonly unknown[],
): PagedList<T> {
  const [pages, setPages] = useState({ count: 1, deps });
  // A new filter starts from one page again, without an extra render pass.
  const count =
    pages.deps.length === deps.length && pages.deps.every((d, i) => d === deps[i]) ? pages.count : 1;
  const limit = count * PAGE_SIZE;
  const list = useLiveList({ ...options, load: () => options.load(limit), limit }, [...deps, limit]);
  return { ...list, more: () => setPages({ count: count + 1, deps }) };
}
