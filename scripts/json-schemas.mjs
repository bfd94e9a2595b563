#!/usr/bin/env node
// Writes the JSON Schemas the emulator package publishes (emulator/schema/*.json: the config file and fault
// rules), each generated from the
// valibot schema that checks the same thing at run time, so that an editor and the emulator never disagree.
//
//   node scripts/json-schemas.mjs           (re)writes them
//   node scripts/json-schemas.mjs --check   exits 1, naming the files, when one is missing or out of date
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const schemaFolder = join(root, 'emulator', 'schema');

/**
 * Checks JSON Schema has no words for: whether fields fit together (an outcome and a result code, a
 * callback match on a non-callback effect), money with two decimals, an outcome key's API, trimming, and
 * finite numbers (JSON has no others). The emulator still makes them; the JSON Schema describes the rest.
 */
const RUN_TIME_ONLY = new Set(['check', 'trim', 'finite']);

/** The JSON Schema of a valibot action: run-time-only checks left out, the dashboard's words (`ui`) dropped. */
function overrideAction({ valibotAction, jsonSchema }) {
  if (RUN_TIME_ONLY.has(valibotAction.type)) return jsonSchema;
  if (valibotAction.type !== 'metadata') return undefined;
  const { ui: _ui, ...rest } = jsonSchema;
  return rest;
}

const FAULT_RULES_FILE = 'fault-rules.schema.json';

/** The fault rules a file may hold: one rule, a list, or `{ "rules": [...] }` (as POST /_emulator/faults takes). */
export async function faultRulesSchema() {
  const [{ FAULT_RULE_SCHEMA }, { toJsonSchema }] = await Promise.all([
    import('daraja-client/emulator'),
    import('@valibot/to-json-schema'),
  ]);
  const rule = toJsonSchema(FAULT_RULE_SCHEMA, {
    target: 'draft-07',
    typeMode: 'output',
    overrideAction,
  });
  delete rule.$schema;
  const ref = { $ref: '#/$defs/FaultRule' };
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'daraja-emulator fault rules',
    description:
      'Fault rules for daraja-emulator (docs/faults.md): one rule, a list of rules (the `faults` of a config file), or { "rules": [...] }.',
    anyOf: [ref, { type: 'array', items: ref }, rulesObject(ref)],
    $defs: { FaultRule: rule },
  };
  return { file: FAULT_RULES_FILE, text: JSON.stringify(schema, null, 2) + '\n' };
}

function rulesObject(ref) {
  return {
    type: 'object',
    properties: { rules: { type: 'array', items: ref } },
    required: ['rules'],
    additionalProperties: false,
  };
}

/** The config file (emulator.json, scenario files); its `faults` are the rules of fault-rules.schema.json. */
export async function configFileSchema() {
  const [{ configFileSchema: config }, { toJsonSchema }] = await Promise.all([
    import(pathToFileURL(join(root, 'emulator', 'dist', 'config', 'config-schema.js')).href),
    import('@valibot/to-json-schema'),
  ]);
  const { $schema, ...rest } = toJsonSchema(config, {
    target: 'draft-07',
    errorMode: 'ignore',
    overrideAction,
  });
  const schema = {
    $schema,
    title: 'daraja-emulator config file (emulator.json)',
    description:
      'The world, settings and start-up choices of daraja-emulator (--config, DARAJA_EMULATOR_CONFIG), and of scenario files.',
    ...rest,
  };
  schema.properties.faults = {
    description: schema.properties.faults.description,
    type: 'array',
    items: { $ref: `${FAULT_RULES_FILE}#/$defs/FaultRule` },
  };
  return { file: 'emulator.schema.json', text: JSON.stringify(schema, null, 2) + '\n' };
}

/** Every schema this script writes. */
export const generators = [faultRulesSchema, configFileSchema];

/** The files that differ from what the generators make now (missing ones included). */
export async function staleSchemas() {
  const stale = [];
  for (const generate of generators) {
    const { file, text } = await generate();
    const path = join(schemaFolder, file);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) stale.push(file);
  }
  return stale;
}

async function writeSchemas() {
  mkdirSync(schemaFolder, { recursive: true });
  for (const generate of generators) {
    const { file, text } = await generate();
    writeFileSync(join(schemaFolder, file), text);
    console.log(`wrote emulator/schema/${file}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // The schemas are read from daraja-client's build.
  const { build } = await import('./build.mjs');
  build({ ifStale: true });
  if (process.argv.includes('--check')) {
    const stale = await staleSchemas();
    for (const file of stale)
      console.error(`emulator/schema/${file} is out of date: run node scripts/json-schemas.mjs`);
    process.exit(stale.length ? 1 : 0);
  }
  await writeSchemas();
}
