/**
 * The text of `JSON.stringify(value, null, 2)`, lowdb's JSONFile format, handed out piece by piece instead
 * of as one string. Containers down to `depth` levels are written here; anything deeper (for the data file:
 * one record) is one `JSON.stringify` call, so no piece is larger than the largest record. Joining the
 * pieces gives exactly the text JSON.stringify would have built, which the tests check.
 */
export function* jsonPieces(value: unknown, depth: number): Generator<string> {
  for (const part of jsonParts(value, depth)) yield typeof part === 'string' ? part : recordText(part);
}

/** An object below `depth`, handed out whole: its text is `recordText(part)`, unless the caller has it already. */
export interface RecordPart {
  value: object;
  level: number;
}

/** The text of an object handed out as a RecordPart, indented to where it sits. */
export function recordText(part: RecordPart): string {
  return leaf(part.value, part.level) ?? 'null';
}

/**
 * As jsonPieces, except that the objects below `depth` (the records of the data file) come as RecordParts,
 * so that a writer can reuse their text from the file it replaces.
 */
export function* jsonParts(value: unknown, depth: number, level = 0): Generator<string | RecordPart> {
  if (depth <= 0 || !isPlainContainer(value)) {
    yield leaf(value, level) ?? 'null';
    return;
  }
  const inner = indent(level + 1);
  const list = Array.isArray(value) ? (value as unknown[]) : undefined;
  const [open, close] = list ? ['[', ']'] : ['{', '}'];
  const firstSeparator = `${open}\n${inner}`;
  const nextSeparator = `,\n${inner}`;
  // Array items come with no key; object members with theirs. A plain loop: a data file at the caps has
  // tens of thousands of records, and this runs once for each.
  const keys = list ? undefined : Object.keys(value);
  const count = keys ? keys.length : (list as unknown[]).length;
  let first = true;
  for (let i = 0; i < count; i++) {
    const key = keys?.[i];
    const item = key === undefined ? (list as unknown[])[i] : (value as Record<string, unknown>)[key];
    const plain = isPlainContainer(item);
    const opened = depth > 1 && plain;
    const record = !opened && plain && !Array.isArray(item);
    const whole = opened || record ? undefined : leaf(item, level + 1);
    // JSON.stringify leaves out object members that have no JSON form (undefined, a function); in an
    // array they become null.
    if (!opened && !record && whole === undefined && key !== undefined) continue;
    const separator = first ? firstSeparator : nextSeparator;
    yield key === undefined ? separator : `${separator}${JSON.stringify(key)}: `;
    first = false;
    if (opened) yield* jsonParts(item, depth - 1, level + 1);
    else if (record) yield { value: item, level: level + 1 };
    else yield whole ?? 'null';
  }
  yield first ? `${open}${close}` : `\n${indent(level)}${close}`;
}

/** Objects and arrays this module can open itself; anything with toJSON is left to JSON.stringify. */
function isPlainContainer(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  return Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype;
}

/** A value written whole, its inner lines indented to where it sits; undefined when it has no JSON form. */
function leaf(value: unknown, level: number): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  if (text === undefined || level === 0 || !text.includes('\n')) return text;
  return text.replaceAll('\n', `\n${indent(level)}`);
}

const indents: string[] = [];
function indent(level: number): string {
  return (indents[level] ??= ' '.repeat(level * 2));
}
