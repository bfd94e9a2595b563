#!/usr/bin/env node
// Writes the JSON Schemas the emulator package ships, generated from the valibot schemas that the emulator
// itself checks with (so an editor's checks and the emulator's agree):
//
//   node scripts/json-schemas.mjs           writes emulator/schema/*.json (builds first when stale)
//   node scripts/json-schemas.mjs --check   exits 1 when a committed file differs from what would be written
//
// Checks that JSON Schema cannot say (an outcome key's API, money with two decimals) are left out; the
// emulator still applies them. The dashboard's words (label, hint, unit, option labels) are left out too;
// a setting's label and description become `title` and `description`.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { format, resolveConfig } from 'prettier';
import { build } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = join(root, 'emulator', 'schema');

/** Drops the dashboard's metadata (kept under `ui`) from the JSON Schema. */
function overrideAction({ valibotAction, jsonSchema }) {
  if (valibotAction.type !== 'metadata') return undefined;
  const { ui, ...rest } = jsonSchema;
  void ui;
  return rest;
}

/** The documents, by file name. */
export async function jsonSchemas() {
  const { configFileSchema } = await import(
    pathToFileURL(join(root, 'emulator', 'dist', 'config', 'config-schema.js')).href
  );
  const config = toJsonSchema(configFileSchema, { errorMode: 'ignore', overrideAction });
  return {
    'emulator.schema.json': {
      $schema: config.$schema,
      title: 'daraja-emulator config file (emulator.json)',
      description:
        'The world, settings and start-up choices of daraja-emulator (--config, DARAJA_EMULATOR_CONFIG), and of scenario files.',
      ...Object.fromEntries(Object.entries(config).filter(([key]) => key !== '$schema')),
    },
  };
}

/** The file's text, formatted as the repository's prettier check wants it. */
async function text(document, path) {
  const options = (await resolveConfig(path)) ?? {};
  return format(JSON.stringify(document), { ...options, filepath: path });
}

async function main() {
  build({ ifStale: true, quiet: true });
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [name, document] of Object.entries(await jsonSchemas())) {
    const path = join(schemaDir, name);
    if (check) {
      let current = '';
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        // missing: stale
      }
      if (current !== (await text(document, path))) {
        stale++;
        console.error(`emulator/schema/${name} is not current: run node scripts/json-schemas.mjs`);
      }
    } else {
      mkdirSync(schemaDir, { recursive: true });
      writeFileSync(path, await text(document, path));
      console.log(`wrote emulator/schema/${name}`);
    }
  }
  if (stale > 0) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
