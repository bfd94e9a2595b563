import * as v from 'valibot';

/**
 * How one setting is declared: its type and allowed values (a valibot schema), its default, and the words the
 * dashboard shows for it. Every settings section is an object of these (see settings-schema.ts).
 */
export interface SettingWords {
  /** The dashboard's label (also the JSON Schema's `title`). */
  label: string;
  /** What the setting does, for the JSON Schema's `description`; the hint when not given. */
  description?: string;
  /** A sentence under the field: what the value changes, or Daraja's own value. */
  hint?: string;
  /** Shown after the label, e.g. `ms`, `s`, `Ksh`. */
  unit?: string;
  /** Shown in an empty text field. */
  placeholder?: string;
}

/** How the dashboard edits a setting. `custom` settings have their own editor. */
export type SettingKind = 'number' | 'money' | 'choice' | 'flag' | 'text' | 'list' | 'custom';

/** A value and its label in a choice. */
export type SettingOption<T extends string = string> = readonly [value: T, label: string];

/** What the dashboard reads of a setting's declaration (see settingUi). */
export interface SettingUi extends SettingWords {
  kind: SettingKind;
  options?: readonly SettingOption[];
  /** Bounds of a number, taken from its checks. */
  min?: number;
  max?: number;
}

/** A declared setting: optional in a patch, with its default. */
export type SettingSchema<T> = v.OptionalSchema<v.GenericSchema<T>, () => T>;

type Check<T> = v.PipeAction<T, T, v.BaseIssue<unknown>>;

/** The metadata key the dashboard's words are kept under (left out of the JSON Schema). */
export const UI_METADATA_KEY = 'ui';

function declare<T>(
  base: v.GenericSchema<T>,
  checks: Check<T>[],
  fallback: () => T,
  kind: SettingKind,
  words: SettingWords,
  options?: readonly SettingOption[],
): SettingSchema<T> {
  const { label, description, ...ui } = words;
  const actions: unknown[] = [...checks, v.title(label)];
  const described = description ?? words.hint;
  if (described) actions.push(v.description(described));
  actions.push(v.metadata({ [UI_METADATA_KEY]: { kind, ...ui, ...(options ? { options } : {}) } }));
  const piped = (v.pipe as unknown as (...items: unknown[]) => v.GenericSchema<T>)(base, ...actions);
  return v.optional(piped, fallback);
}

/** A whole number, at least `min` (0 unless given) and at most `max` when given. */
export function wholeNumber(
  fallback: number,
  words: SettingWords & { min?: number; max?: number },
): SettingSchema<number> {
  const { min = 0, max, ...rest } = words;
  const checks: Check<number>[] = [v.integer(), v.minValue(min)];
  if (max !== undefined) checks.push(v.maxValue(max));
  return declare(v.number(), checks, () => fallback, 'number', rest);
}

/** Shillings with at most two decimals; 0.07 * 100 is not exactly 7 in floating point, hence the tolerance. */
export const isMoney = (value: unknown): value is number =>
  typeof value === 'number' &&
  Number.isFinite(value) &&
  Math.abs(Math.round(value * 100) - value * 100) < 1e-6;

/** An amount of shillings (two decimals at most), not negative. */
export function money(fallback: number, words: SettingWords): SettingSchema<number> {
  const checks: Check<number>[] = [
    v.check<number, string>(isMoney, 'Shillings with at most two decimals.'),
    v.minValue(0),
  ];
  return declare(v.number(), checks, () => fallback, 'money', words);
}

/** One of a fixed list of values, each with the label the dashboard shows. */
export function choice<const O extends readonly SettingOption[]>(
  options: O,
  fallback: O[number][0],
  words: SettingWords,
): SettingSchema<O[number][0]> {
  const values = options.map(([value]) => value) as O[number][0][];
  return declare(v.picklist(values), [], () => fallback, 'choice', words, options);
}

/** On or off. */
export function flag(fallback: boolean, words: SettingWords): SettingSchema<boolean> {
  return declare(v.boolean(), [], () => fallback, 'flag', words);
}

/** Free text (a file path, a result text). */
export function text(fallback: string, words: SettingWords): SettingSchema<string> {
  return declare(v.string(), [], () => fallback, 'text', words);
}

/** A list of words (host names, shortcodes), each checked by `item`. */
export function list(
  item: v.GenericSchema<string>,
  fallback: () => string[],
  words: SettingWords,
): SettingSchema<string[]> {
  return declare(v.array(item), [], fallback, 'list', words);
}

/** A setting with its own editor; `options` labels the named values it may take. */
export function custom<T>(
  schema: v.GenericSchema<T>,
  fallback: () => NoInfer<T>,
  words: SettingWords,
  options?: readonly SettingOption[],
): SettingSchema<T> {
  return declare(schema, [], fallback, 'custom', words, options);
}

/** A JSON object (not an array) whose keys and values pass `key` and `value`. */
export function plainRecord<K extends string, T>(
  key: v.GenericSchema<string, K>,
  value: v.GenericSchema<T>,
): v.GenericSchema<Record<K, T>> {
  return v.pipe(
    v.custom<object>((input) => !!input && typeof input === 'object' && !Array.isArray(input), 'An object.'),
    v.record(key, value),
  ) as unknown as v.GenericSchema<Record<K, T>>;
}

/** A whole number, of any sign (a result code). */
export const integerSchema = v.pipe(v.number(), v.integer());

/** Whether a declared setting may take `value`. */
export function settingAllows(schema: SettingSchema<unknown>, value: unknown): boolean {
  return v.is(schema.wrapped, value);
}

/** A declared setting's default (a fresh copy). */
export function settingDefault(schema: SettingSchema<unknown>): unknown {
  return v.getDefault(schema);
}

type Piped = { pipe?: readonly { type: string; kind?: string; requirement?: unknown }[] };

/** The dashboard's words and bounds of a declared setting. */
export function readSettingUi(schema: SettingSchema<unknown>): SettingUi {
  const inner = schema.wrapped as unknown as Piped & v.GenericSchema;
  const requirement = (type: string) =>
    inner.pipe?.find((item) => item.type === type)?.requirement as number | undefined;
  const ui = (v.getMetadata(inner as never) as Record<string, unknown>)[UI_METADATA_KEY] as Omit<
    SettingUi,
    'label'
  >;
  const min = requirement('min_value');
  const max = requirement('max_value');
  return {
    ...ui,
    label: v.getTitle(inner as never) ?? '',
    ...(v.getDescription(inner as never) !== undefined
      ? { description: v.getDescription(inner as never) }
      : {}),
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
  };
}
