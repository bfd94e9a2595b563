/** Room for the longest id drawn in one piece (access tokens: 28 characters). */
const SCRATCH = Buffer.alloc(64);

/**
 * A generator of `size` characters drawn from `alphabet` with `bytes`, byte for byte as nanoid's
 * `customRandom` draws them (so a seeded emulator hands out the ids it always did), written as one flat
 * string. Building an id a character at a time makes a chain of V8 cons strings, about ten heap objects
 * per id that every full garbage collection walks again for as long as the record holding it is kept.
 */
export function randomText(
  alphabet: string,
  size: number,
  bytes: (count: number) => Uint8Array,
): () => string {
  if (size > SCRATCH.length) throw new RangeError(`randomText draws at most ${SCRATCH.length} characters`);
  const mask = (2 << (31 - Math.clz32((alphabet.length - 1) | 1))) - 1;
  const step = Math.ceil((1.6 * mask * size) / alphabet.length);
  const codes = Array.from(alphabet, (c) => c.charCodeAt(0));
  if (codes.some((code) => code > 0xff)) throw new RangeError('randomText takes single-byte alphabets');
  return () => {
    let length = 0;
    for (;;) {
      const drawn = bytes(step);
      for (let i = step - 1; i >= 0; i--) {
        const code = codes[(drawn[i] as number) & mask];
        if (code === undefined) continue;
        SCRATCH[length++] = code;
        if (length === size) return SCRATCH.toString('latin1', 0, size);
      }
    }
  };
}
