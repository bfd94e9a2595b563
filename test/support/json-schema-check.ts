/**
 * A small JSON Schema checker for the keywords the emulator's published schemas use (draft-07 subset):
 * enough to tell whether a document fits, not a full validator. An unknown keyword is an error, so that a
 * schema using more than this understands cannot pass by accident.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set([
  '$schema',
  'title',
  'description',
  '$defs',
  '$ref',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'minProperties',
  'items',
  'minItems',
  'enum',
  'const',
  'anyOf',
  'oneOf',
  'not',
  'pattern',
  'minLength',
  'minimum',
  'maximum',
  'exclusiveMaximum',
]);

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

const isType = (value: unknown, type: string): boolean =>
  type === 'integer' ? Number.isInteger(value) : typeOf(value) === type;

/** True when `value` fits `schema`; `root` resolves `#/$defs/…` references. */
export function fitsJsonSchema(value: unknown, schema: Schema, root: Schema = schema): boolean {
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`unsupported keyword ${key}`);
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/$defs/', '');
    return fitsJsonSchema(value, (root.$defs as Record<string, Schema>)[name] as Schema, root);
  }
  const fits = (v: unknown, s: unknown) => fitsJsonSchema(v, s as Schema, root);
  if (typeof schema.type === 'string' && !isType(value, schema.type)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  if ('const' in schema && value !== schema.const) return false;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((s) => fits(value, s))) return false;
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter((s) => fits(value, s)).length !== 1) return false;
  if (schema.not !== undefined && fits(value, schema.not)) return false;
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) return false;
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) return false;
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) return false;
    if (typeof schema.maximum === 'number' && value > schema.maximum) return false;
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) return false;
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) return false;
    if (schema.items !== undefined && !value.every((item) => fits(item, schema.items))) return false;
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    if (typeof schema.minProperties === 'number' && Object.keys(object).length < schema.minProperties)
      return false;
    if (Array.isArray(schema.required) && !schema.required.every((key) => key in object)) return false;
    for (const [key, item] of Object.entries(object)) {
      if (key in properties) {
        if (!fits(item, properties[key])) return false;
      } else if (schema.additionalProperties === false) return false;
    }
  }
  return true;
}
