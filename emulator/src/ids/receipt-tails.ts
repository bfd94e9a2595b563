import type { Random } from './random.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LENGTH = 7;
/** How many different 7-character tails exist: 36^7, about 78 billion. */
const SPACE = BigInt(ALPHABET.length) ** BigInt(LENGTH);

/**
 * The 7 characters after a receipt's date letters. Random draws would repeat now and then (one in a few
 * hundred thousand receipts meets an earlier one), so the n-th tail is `(a * n + b) mod 36^7` with `a`
 * and `b` drawn once: a permutation of every possible tail, which looks random and cannot repeat before
 * 78 billion receipts, whatever the random source gives.
 */
export class ReceiptTails {
  readonly #random: Random;
  #step: bigint | undefined;
  #offset = 0n;
  #count = 0n;

  constructor(random: Random) {
    this.#random = random;
  }

  next(): string {
    if (this.#step === undefined) this.#draw();
    let x = ((this.#step ?? 1n) * this.#count + this.#offset) % SPACE;
    this.#count += 1n;
    let out = '';
    for (let i = 0; i < LENGTH; i++) {
      out = (ALPHABET[Number(x % 36n)] as string) + out;
      x /= 36n;
    }
    return out;
  }

  /** Drawn on first use, so that emulators that never pay anything draw nothing. */
  #draw(): void {
    const bytes = this.#random.bytes(12);
    const read = (from: number) =>
      bytes.slice(from, from + 6).reduce((n, byte) => n * 256n + BigInt(byte), 0n) % SPACE;
    // The step must share no factor with 36^7 (= 2^14 * 3^14) for the sequence to visit every tail once.
    let step = read(0) | 1n;
    while (step % 3n === 0n) step += 2n;
    this.#step = step;
    this.#offset = read(6);
  }
}
