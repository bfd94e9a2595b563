import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { repoRoot } from './captures.js';

/** The JSON Schemas the emulator package publishes, as an editor would load them (references between them resolved). */
const FILES = ['fault-rules.schema.json', 'emulator.schema.json'] as const;
export type PublishedSchema = (typeof FILES)[number];

const ajv = new Ajv({ allErrors: true, strict: false });
for (const file of FILES) {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'emulator', 'schema', file), 'utf8')) as object;
  ajv.addSchema(schema, file);
}

/** Where a value breaks the schema: `path keyword` pairs, e.g. `/settings/stk/pinTimeout additionalProperties`. */
export function schemaProblems(value: unknown, file: PublishedSchema): string[] {
  const validate = ajv.getSchema(file);
  if (!validate) throw new Error(`${file} is not loaded`);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(describe);
}

/** True when `value` fits the published schema `file`. */
export function fitsJsonSchema(value: unknown, file: PublishedSchema): boolean {
  return schemaProblems(value, file).length === 0;
}

function describe(error: ErrorObject): string {
  const extra = error.keyword === 'additionalProperties' ? `/${String(error.params.additionalProperty)}` : '';
  return `${error.instancePath}${extra} ${error.keyword}`;
}
