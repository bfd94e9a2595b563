import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { StoredRecord } from './store.js';
import { StoreOpenError } from './store.js';

const PREFIX = 'sealed:v1:';
/** How many sealed secrets are remembered (see Sealer.#known). */
const KNOWN_MAX = 1_000;

/**
 * Keeps secrets out of the data file and its log: the fields a collection declares secret (see
 * CollectionOptions.secretFields) are written encrypted (AES-256-GCM) with a key kept in its own file beside
 * the data (mode 0600), and decrypted when the collection is declared. Records in memory stay in clear,
 * since the emulator must compute STK Passwords from them. The sealer knows no collection by itself.
 */
export class Sealer {
  readonly #key: Buffer;
  /** The secret field names of each declared collection. */
  readonly #secretFields = new Map<string, ReadonlySet<string>>();
  /**
   * The sealed form of each secret seen lately. A shortcode's record is written again on every payment
   * (its balance changes) with the same passkey and password: they are encrypted once, not on every write.
   * Bounded: emptied when full.
   */
  readonly #known = new Map<string, string>();

  private constructor(key: Buffer) {
    this.#key = key;
  }

  /**
   * Reads the key file. When there is none, a data file holding sealed values cannot be read and is
   * refused (nothing is created); otherwise a new key is made, and written beside the data unless
   * `write` is false (a store that never writes).
   */
  static open(keyPath: string, options: { holdsSealed: boolean; write?: boolean; file: string }): Sealer {
    if (existsSync(keyPath)) {
      const key = Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'base64');
      if (key.length !== 32) {
        throw new StoreOpenError(
          `Cannot open the store: the key file ${keyPath} is damaged (it must hold 32 bytes).`,
        );
      }
      return new Sealer(key);
    }
    if (options.holdsSealed) {
      throw new StoreOpenError(
        `Cannot open the store: the key file ${keyPath} is missing, and ${options.file} holds secrets ` +
          'encrypted with it. Restore the key file beside the data file, or start with a new --data.',
      );
    }
    const key = randomBytes(32);
    if (options.write !== false) {
      writeFileSync(keyPath, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    }
    return new Sealer(key);
  }

  /** Whether a value read from disk is a sealed secret. */
  static isSealedValue(value: unknown): boolean {
    return typeof value === 'string' && value.startsWith(PREFIX);
  }

  /** From now on, these fields of the collection's records (at any depth) are sealed on disk. */
  declare(collection: string, secretFields: readonly string[]): void {
    if (secretFields.length > 0) this.#secretFields.set(collection, new Set(secretFields));
  }

  /** Whether the collection declared secret fields. */
  isSealed(collection: string): boolean {
    return this.#secretFields.has(collection);
  }

  /** A record (or the changed fields of one) as written to disk, its declared secret fields sealed. */
  forDisk<T extends object = StoredRecord>(collection: string, record: T): T {
    const fields = this.#secretFields.get(collection);
    return fields ? (this.#walk(record, fields, (v) => this.#seal(v)) as T) : record;
  }

  /** The record as read from disk, its declared secret fields decrypted. */
  fromDisk(collection: string, record: StoredRecord, file: string): StoredRecord {
    const fields = this.#secretFields.get(collection);
    return fields ? (this.#walk(record, fields, (v) => this.#unseal(v, file)) as StoredRecord) : record;
  }

  /** Decrypts one sealed value; a StoreOpenError when it does not decrypt with this key. */
  check(sealed: string, file: string): void {
    this.#unseal(sealed, file);
  }

  #walk(value: unknown, fields: ReadonlySet<string>, secret: (v: string) => string, key?: string): unknown {
    if (typeof value === 'string') return key !== undefined && fields.has(key) ? secret(value) : value;
    if (Array.isArray(value)) return value.map((v) => this.#walk(v, fields, secret));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = this.#walk(v, fields, secret, k);
    }
    return out;
  }

  #seal(plain: string): string {
    if (plain.startsWith(PREFIX)) return plain;
    const known = this.#known.get(plain);
    if (known !== undefined) return known;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const sealed = `${PREFIX}${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    this.#remember(plain, sealed);
    return sealed;
  }

  #remember(plain: string, sealed: string): void {
    if (this.#known.size >= KNOWN_MAX) this.#known.clear();
    this.#known.set(plain, sealed);
  }

  #unseal(value: string, file: string): string {
    if (!value.startsWith(PREFIX)) return value;
    const raw = Buffer.from(value.slice(PREFIX.length), 'base64');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      this.#remember(plain, value);
      return plain;
    } catch {
      throw new StoreOpenError(
        `Cannot open the store: a secret in ${file} does not decrypt with the key beside it. ` +
          'The key file belongs to another data file; restore the right one, or start with a new --data.',
      );
    }
  }
}
