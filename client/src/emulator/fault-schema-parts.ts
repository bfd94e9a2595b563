/**
 * Building blocks of the fault-rule schema: objects whose fields are checked in a chosen order, with the
 * cross-field checks between them, so that the first message a rule gets is always the same one.
 */
import * as v from 'valibot';

export type Obj = Record<string, unknown>;

export const isPlainObject = (value: unknown): value is Obj =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** A check on a whole object (its fields already checked up to where it stands). */
export type ObjectCheck = v.CheckAction<Obj, string>;

/** A check on a whole object, refusing it with `message` when `holds` is false. */
export const objectCheck = (holds: (o: Obj) => boolean, message: string): ObjectCheck =>
  v.check(holds, message);

/**
 * Gives every issue raised inside `schema` one message: a field is explained once, whatever is wrong with
 * it (also when it is missing).
 */
export const field = <S extends v.GenericSchema>(schema: S, message: string) =>
  Object.assign(v.message(schema, message), { message }) as S;

/** A whole number of `min` or more. */
export const wholeNumber = (min = 0) => v.pipe(v.number(), v.integer(), v.minValue(min));

/** A number that is neither NaN nor infinite. */
export const finiteNumber = () => v.pipe(v.number(), v.finite());

/**
 * How an object's fields are checked: groups of fields in order, with whole-object checks between them.
 * Fields in no group are checked last, in the order of the entries.
 */
export type CheckOrder<E extends v.ObjectEntries> = ReadonlyArray<
  ReadonlyArray<keyof E & string> | ObjectCheck
>;

interface ObjectOptions<E extends v.ObjectEntries> {
  /** How the object is named in "unknown … field" messages: `rule`, `match`, `"delay" effect`. */
  what: string;
  entries: E;
  /** First check: the value is an object of the right kind (its message stands for "not an object"). */
  base: v.GenericSchema<unknown, Obj>;
  order?: CheckOrder<E>;
  /** Whole-object checks once every field is valid. */
  finally?: readonly ObjectCheck[];
}

/**
 * An object with exactly the fields of `entries`: unknown fields are refused first (the message lists the
 * known ones, from `entries`), then fields and checks go in `order`. The output holds the fields in the
 * order of `entries`. Typed as the object it outputs (it runs as a pipe), so that it can be a variant's
 * option and its output type is the entries' own.
 */
export function checkedObject<const E extends v.ObjectEntries>(
  options: ObjectOptions<E>,
): v.StrictObjectSchema<E, undefined> {
  const { what, entries, base, order = [] } = options;
  const known = Object.keys(entries);
  // A missing required field gets the message written beside that field's schema.
  const missing = (issue: v.BaseIssue<unknown>): string => {
    const key = issue.path?.[0]?.key;
    const schema = typeof key === 'string' ? (entries[key] as { message?: unknown } | undefined) : undefined;
    return typeof schema?.message === 'string' ? schema.message : `"${String(key)}" is required.`;
  };
  const items: (v.GenericSchema | v.GenericValidation)[] = [
    base,
    v.check<Obj, v.ErrorMessage<v.CheckIssue<Obj>>>(
      (o) => Object.keys(o).every((key) => known.includes(key)),
      (issue) =>
        `unknown ${what} field "${Object.keys(issue.input).find((key) => !known.includes(key))}" (known: ${known.join(', ')}).`,
    ),
  ];
  const checked: v.ObjectEntries = {};
  for (const step of order) {
    if (Array.isArray(step)) {
      for (const key of step as readonly string[]) checked[key] = entries[key] as v.GenericSchema;
      items.push(v.looseObject({ ...checked }, missing));
    } else {
      items.push(step as ObjectCheck);
    }
  }
  const whole = v.strictObject(entries, missing);
  items.push(whole);
  for (const check of options.finally ?? []) items.push(check);
  const piped = (v.pipe as unknown as (...items: unknown[]) => v.GenericSchema)(...items);
  // A variant finds its options' discriminators in `entries`.
  return Object.assign(piped, { entries }) as unknown as v.StrictObjectSchema<E, undefined>;
}
