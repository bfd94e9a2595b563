import { describe, expect, it } from 'vitest';
import { CappedMap } from './capped-map.js';

const rec = (id: string, n = 0) => ({ id, n });
const ids = (map: CappedMap<{ id: string }>) => [...map.values()].map((r) => r.id);

describe('CappedMap', () => {
  it('drops the oldest records beyond its cap and says which', () => {
    const map = new CappedMap<{ id: string }>({ cap: 3 });
    for (const id of ['a', 'b', 'c']) expect(map.set(rec(id))).toEqual([]);
    expect(map.set(rec('d'))).toEqual(['a']);
    expect(ids(map)).toEqual(['b', 'c', 'd']);
  });

  it('keeps a replaced record in its place, so it is dropped as old as it was first written', () => {
    const map = new CappedMap<{ id: string; n: number }>({ cap: 2 });
    map.set(rec('a'));
    map.set(rec('b'));
    map.set(rec('a', 1));
    expect(map.get('a')?.n).toBe(1);
    expect(map.set(rec('c'))).toEqual(['a']);
  });

  it('treats a record deleted and written again as new', () => {
    const map = new CappedMap<{ id: string }>({ cap: 3 });
    map.set(rec('a'));
    map.set(rec('b'));
    map.delete('a');
    map.set(rec('c'));
    map.set(rec('a'));
    expect(map.set(rec('d'))).toEqual(['b']);
    expect(map.set(rec('e'))).toEqual(['c']);
    expect(ids(map)).toEqual(['a', 'd', 'e']);
  });

  it('stays in insertion order over many evictions and after clear', () => {
    const map = new CappedMap<{ id: string }>({ cap: 100 });
    for (let i = 0; i < 10_000; i++) map.set(rec(String(i)));
    expect(map.size).toBe(100);
    expect(ids(map)[0]).toBe('9900');
    map.clear();
    map.set(rec('x'));
    expect(ids(map)).toEqual(['x']);
  });

  it('keeps everything without a cap', () => {
    const map = new CappedMap<{ id: string }>();
    for (let i = 0; i < 1_000; i++) map.set(rec(String(i)));
    map.delete('5');
    expect(map.size).toBe(999);
  });

  it('keeps order through many deletions and rewrites below its cap', () => {
    const map = new CappedMap<{ id: string }>({ cap: 3 });
    for (let i = 0; i < 5_000; i++) {
      map.delete('a');
      map.set(rec('a'));
    }
    map.set(rec('b'));
    map.set(rec('c'));
    map.delete('a');
    map.set(rec('a'));
    expect(map.set(rec('d'))).toEqual(['b']);
    expect(ids(map)).toEqual(['c', 'a', 'd']);
  });
});
