import type { SnapshotData } from './snapshot.js';

/** How records sit in a data file written as `JSON.stringify(data, null, 2)`: one level deeper than their list. */
export const RECORD_INDENT = '\n      ';
const RECORD_CLOSE = `${RECORD_INDENT}}`;
const FIRST_RECORD = Buffer.from(RECORD_INDENT);
/** What separates two records of a list, in the data file and in the pieces that write it. */
export const RECORD_SEPARATOR = `,${RECORD_INDENT}`;
const NEXT_RECORD = Buffer.from(RECORD_SEPARATOR);
const COLLECTIONS_HEAD = '\n  "collections": {';

/** What a call to `step` found: where each record lies, or why the file cannot be used. */
export type ScanStep = { state: 'more' | 'done'; found: (object | number)[] } | { state: 'other-layout' };

/**
 * Finds each record of a loaded data file in its bytes, a slice at a time: record, start and end (exclusive)
 * for every record of `data`, in file order. A data file at the caps holds tens of thousands of records in
 * tens of megabytes; finding them all at once kept the event loop from answering for about a tenth of a
 * second, so the caller runs `step` between requests and each call reads about `sliceBytes` of the file.
 *
 * The layout is the one the store writes. A file laid out otherwise (compact, or edited by hand) is
 * reported as `other-layout` as soon as a piece of it does not match, and nothing of it may be reused.
 */
export class RecordLayoutScan {
  readonly #bytes: Buffer;
  readonly #lists: [string, unknown[]][];
  #list = -1;
  #record = 0;
  #at = 0;
  #finished = false;

  constructor(bytes: Buffer, data: SnapshotData) {
    this.#bytes = bytes;
    this.#lists = Object.entries(data.collections);
  }

  step(sliceBytes: number): ScanStep {
    if (this.#finished) return { state: 'done', found: [] };
    const found: (object | number)[] = [];
    const until = this.#at + sliceBytes;
    if (this.#list === -1) {
      const head = this.#bytes.indexOf(COLLECTIONS_HEAD, 0, 'latin1');
      if (head === -1) return this.#otherLayout();
      this.#at = head + COLLECTIONS_HEAD.length;
      this.#list = 0;
      this.#record = 0;
      if (!this.#openList()) return this.#otherLayout();
    }
    while (this.#list < this.#lists.length) {
      const records = (this.#lists[this.#list] as [string, unknown[]])[1];
      if (this.#record < records.length) {
        if (this.#at >= until) return { state: 'more', found };
        if (!this.#expect(this.#record === 0 ? FIRST_RECORD : NEXT_RECORD)) return this.#otherLayout();
        if (this.#bytes[this.#at] !== 0x7b) return this.#otherLayout();
        // Lines inside a record are indented further, and strings hold no raw newline: the first line
        // holding only its closing brace at this depth ends it.
        const close = this.#bytes.indexOf(RECORD_CLOSE, this.#at, 'latin1');
        if (close === -1) return this.#otherLayout();
        const end = close + RECORD_CLOSE.length;
        found.push(records[this.#record] as object, this.#at, end);
        this.#at = end;
        this.#record += 1;
        continue;
      }
      if (records.length > 0 && !this.#expect('\n    ]')) return this.#otherLayout();
      this.#list += 1;
      this.#record = 0;
      if (this.#list < this.#lists.length && !this.#openList()) return this.#otherLayout();
    }
    if (!this.#expect(this.#lists.length === 0 ? '}' : '\n  }')) return this.#otherLayout();
    this.#finished = true;
    return { state: 'done', found };
  }

  /** The header of the current list, and its closing bracket when it is empty. */
  #openList(): boolean {
    const [name, records] = this.#lists[this.#list] as [string, unknown[]];
    const header = `${this.#list === 0 ? '' : ','}\n    ${JSON.stringify(name)}: [`;
    return this.#expect(header) && (records.length > 0 || this.#expect(']'));
  }

  #expect(text: string | Buffer): boolean {
    const wanted = typeof text === 'string' ? Buffer.from(text) : text;
    const at = this.#at;
    if (this.#bytes.compare(wanted, 0, wanted.length, at, at + wanted.length) !== 0) return false;
    this.#at = at + wanted.length;
    return true;
  }

  #otherLayout(): ScanStep {
    this.#finished = true;
    return { state: 'other-layout' };
  }
}
