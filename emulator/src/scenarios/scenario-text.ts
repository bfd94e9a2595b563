import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

// Loaded on first use: most runs never read YAML, and start-up time matters to test suites.
const load = createRequire(import.meta.url);
let yaml: typeof Yaml | undefined;

export type ScenarioFormat = 'json' | 'yaml';

/** YAML for `.yaml`/`.yml` files and YAML media types; JSON otherwise. */
export function formatOfPath(path: string): ScenarioFormat {
  return /\.ya?ml$/i.test(path) ? 'yaml' : 'json';
}

export function formatOfMediaType(type: string | undefined): ScenarioFormat {
  return type && /yaml/i.test(type) ? 'yaml' : 'json';
}

/** Parses scenario text; throws an Error whose message says what is wrong and where. */
export function parseScenarioText(text: string, format: ScenarioFormat): unknown {
  if (format === 'json') return JSON.parse(text) as unknown;
  // One document only, with YAML 1.2's core schema: `yes`/`no` stay strings, as in JSON.
  yaml ??= load('yaml') as typeof Yaml;
  return yaml.parse(text, { schema: 'core', uniqueKeys: true, prettyErrors: true }) as unknown;
}
