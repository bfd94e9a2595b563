import { eatParts, eatDate } from '../time/eat.js';
import type { Random } from './random.js';
import { IssuedTimes } from './issued-times.js';
import { ReceiptTails } from './receipt-tails.js';
import { joinText } from './flat-text.js';
import { randomText } from './random-text.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DAY_CHARS = '123456789ABCDEFGHIJKLMNOPQRSTUV';

export type IdStyle = 'current' | 'legacy';

/** Generates every identifier Daraja hands out, in Daraja's formats (SPEC 1.6). */
export class IdFactory {
  readonly #random: Random;
  readonly #make: (alphabet: string, size: number) => string;
  #style: IdStyle;
  readonly #checkoutTimes = new IssuedTimes();
  readonly #receiptTails: ReceiptTails;
  /** The generators of the ids made for every request, looked up once instead of on every use. */
  readonly #hex4: () => string;
  readonly #hex12: () => string;
  readonly #digits7: () => string;
  readonly #alnum16: () => string;
  readonly #hex20: () => string;

  constructor(random: Random, style: IdStyle = 'current') {
    this.#random = random;
    this.#style = style;
    const cache = new Map<string, () => string>();
    const generator = (alphabet: string, size: number) => {
      const key = `${alphabet}:${size}`;
      let gen = cache.get(key);
      if (!gen) {
        gen = randomText(alphabet, size, (n) => this.#random.bytes(n));
        cache.set(key, gen);
      }
      return gen;
    };
    this.#make = (alphabet, size) => generator(alphabet, size)();
    this.#hex4 = generator(HEX, 4);
    this.#hex12 = generator(HEX, 12);
    this.#digits7 = generator(DIGITS, 7);
    this.#alnum16 = generator(ALNUM, 16);
    this.#hex20 = generator(HEX, 20);
    this.#receiptTails = new ReceiptTails(random);
  }

  set style(style: IdStyle) {
    this.#style = style;
  }

  /** 28 alphanumeric characters, like Apigee's opaque tokens. */
  accessToken(): string {
    return this.#make(ALNUM, 28);
  }

  /** `xxxx-xxxx-xxxx-xxxxxxxxxxxx` + 7 digits, or the legacy `12345-1234567-1`. */
  requestId(): string {
    if (this.#style === 'legacy') {
      const first = this.#digits(4, 5);
      const second = this.#digits(7, 8);
      return joinText(first, '-', second, '-', String(1 + Math.floor(this.#random.next() * 3)));
    }
    const hex4 = this.#hex4;
    return joinText(hex4(), '-', hex4(), '-', hex4(), '-', this.#hex12(), this.#digits7());
  }

  merchantRequestId(): string {
    return this.requestId();
  }

  originatorConversationId(): string {
    return this.requestId();
  }

  /**
   * `ws_CO_` + DDMMYYYYHHmmss + milliseconds (EAT) + the payer's 9-digit national number. The id is made
   * of the time and the phone only, so a second id for one phone at one millisecond (a manual clock that
   * has not moved, a reset in between) takes the next millisecond: ids never repeat in one emulator's life.
   */
  checkoutRequestId(now: number, msisdn: string): string {
    return checkoutId(this.#checkoutTimes.next(now, msisdn.slice(-9)), msisdn);
  }

  /** A 10-character receipt: year letter, month letter, day character, then 7 characters never used before. */
  receipt(now: number): string {
    return joinText(receiptPrefix(now), this.#receiptTails.next());
  }

  /** `AG_` + YYYYMMDD + `_` + 20 lowercase hex characters. */
  conversationId(now: number): string {
    return joinText('AG_', eatDate(now), '_', this.#hex20());
  }

  /** The placeholder TransactionID of a result with no money movement, e.g. `OAK0000000`. */
  placeholderReceipt(now: number): string {
    return `${receiptPrefix(now)}0000000`;
  }

  /** A random (version 4 style) UUID, as Ratiba's `responseRefID`. */
  uuid(): string {
    const h = (n: number) => this.#make(HEX, n);
    const [a, b, c] = [h(8), h(4), h(3)];
    const variant = '89ab'[Math.floor(this.#random.next() * 4)] as string;
    return joinText(a, '-', b, '-4', c, '-', variant, h(3), '-', h(12));
  }

  /** `length` decimal digits, the first not zero (Ratiba's numeric order ids). */
  numericId(length: number): string {
    return this.#digits(length, length);
  }

  /** A generic short id for emulator-only records. */
  internalId(): string {
    return this.#alnum16();
  }

  #digits(min: number, max: number): string {
    const len = min + Math.floor(this.#random.next() * (max - min + 1));
    return joinText(String(1 + Math.floor(this.#random.next() * 9)), this.#make(DIGITS, len - 1));
  }
}

/** Year letter (L = 2017 … U = 2026), month letter (A = January), day character (1-9 then A = 10 … V = 31). */
export function receiptPrefix(now: number): string {
  const p = eatParts(now);
  const year = LETTERS[(((p.year - 2006) % 26) + 26) % 26] as string;
  const month = LETTERS[p.month - 1] as string;
  const day = DAY_CHARS[p.day - 1] as string;
  return `${year}${month}${day}`;
}

function checkoutId(at: number, msisdn: string): string {
  const p = eatParts(at);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = joinText(pad(p.day), pad(p.month), String(p.year), pad(p.hour), pad(p.minute), pad(p.second));
  return joinText('ws_CO_', stamp, pad(p.millisecond, 3), msisdn.slice(-9));
}
