import { randomBytes, randomFillSync } from 'node:crypto';

/** A source of randomness: crypto by default, or seeded so that runs repeat exactly. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** `size` random bytes, to be read before the next draw (the crypto source reuses its memory). */
  bytes(size: number): Uint8Array;
}

/**
 * Random bytes are drawn 4 KB at a time into one buffer and handed out in slices: every id takes a few
 * bytes, and one system call (and one new buffer) per id showed up in profiles of busy runs.
 */
const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;
function take(size: number): number {
  if (offset + size > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const at = offset;
  offset += size;
  return at;
}

export const cryptoRandom: Random = {
  next: () => pool.readUInt32BE(take(4)) / 2 ** 32,
  bytes: (size) => {
    if (size > POOL_SIZE) return randomBytes(size);
    const at = take(size);
    return pool.subarray(at, at + size);
  },
};

/** A small, fast seeded generator (sfc32); the same seed gives the same sequence. */
export function seededRandom(seed: number | string): Random {
  let h = 1779033703 ^ String(seed).length;
  for (const ch of String(seed)) {
    h = Math.imul(h ^ ch.charCodeAt(0), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const mix = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next32 = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  return {
    next: () => next32() / 2 ** 32,
    bytes: (size) => {
      const out = new Uint8Array(size);
      for (let i = 0; i < size; i++) out[i] = next32() & 0xff;
      return out;
    },
  };
}
