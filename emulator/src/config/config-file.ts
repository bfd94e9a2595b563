import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import {
  appConfigSchema,
  customerConfigSchema,
  shortcodeConfigSchema,
  type FaultRuleInput,
  type SettingsPatch,
  type WorldConfig,
} from 'daraja-client/emulator';
import { formatOfPath, parseScenarioText } from '../scenarios/scenario-text.js';
import { checkHistoryCaps, type HistoryCaps } from './history-caps.js';
import { CONFIG_KEYS, CONFIG_LIST_KEYS, configFileSchema } from './config-schema.js';

/**
 * What a `--config` file may hold: the world, settings, and start-up choices. Its keys and plain values are
 * configFileSchema's; the lists and settings take the shapes daraja-client/emulator defines.
 */
export type ConfigFile = Omit<
  v.InferOutput<typeof configFileSchema>,
  'settings' | 'apps' | 'shortcodes' | 'customers' | 'faults' | 'history'
> & {
  settings?: SettingsPatch;
  apps?: WorldConfig['apps'];
  shortcodes?: WorldConfig['shortcodes'];
  customers?: WorldConfig['customers'];
  /** Fault rules in force from the start (docs/faults.md). */
  faults?: FaultRuleInput[];
  /** History caps (see HistoryCaps); --history overrides them one by one. */
  history?: Partial<HistoryCaps>;
};

export class ConfigFileError extends Error {
  override readonly name = 'ConfigFileError';
}

const KNOWN_KEYS = new Set(CONFIG_KEYS);

/** Reads and checks a JSON (or, for .yaml/.yml, YAML) config file; errors name the file and the problem. */
export function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigFileError(
      `Cannot read config file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    );
  }
  return checkConfig(text, path, formatOfPath(path));
}

/** Parses and checks config or scenario text; `path` names it in errors. */
export function checkConfig(text: string, path: string, format: 'json' | 'yaml'): ConfigFile {
  let parsed: unknown;
  try {
    parsed = parseScenarioText(text, format);
  } catch (error) {
    throw new ConfigFileError(
      `Config file ${path} is not valid ${format.toUpperCase()}: ${(error as Error).message}.`,
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigFileError(`Config file ${path} must hold a JSON object.`);
  }
  for (const key of Object.keys(parsed)) {
    if (!KNOWN_KEYS.has(key)) {
      throw new ConfigFileError(
        `Config file ${path} has an unknown key "${key}" (known: ${[...KNOWN_KEYS].filter((k) => k !== '$schema').join(', ')}).`,
      );
    }
  }
  const config = parsed as ConfigFile;
  const given = parsed as Record<string, unknown>;
  for (const list of CONFIG_LIST_KEYS) {
    if (given[list] !== undefined && !Array.isArray(given[list])) {
      throw new ConfigFileError(`Config file ${path}: "${list}" must be a list.`);
    }
  }
  for (const list of ['apps', 'shortcodes', 'customers'] as const) {
    if (given[list] !== undefined) config[list] = checkWorldList(list, given[list], path) as never;
  }
  if (config.history !== undefined) {
    try {
      config.history = checkHistoryCaps(config.history, `Config file ${path}: "history"`);
    } catch (error) {
      throw new ConfigFileError((error as Error).message);
    }
  }
  return config;
}

/** A world list checked against its schema (identifiers written as numbers become strings); the error names the entry. */
function checkWorldList(list: 'apps' | 'shortcodes' | 'customers', value: unknown, path: string): unknown {
  const result = v.safeParse(configFileSchema.entries[list], value);
  if (result.success) return result.output;
  const [issue] = result.issues;
  const where = (issue.path ?? [])
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
    .join('');
  const unknownField = issue.type === 'strict_object' && issue.expected === 'never';
  const known = issue.path?.length === 2 ? ` (known: ${Object.keys(WORLD_FIELDS[list]).join(', ')})` : '';
  const message = unknownField
    ? `is not a known field${known}.`
    : issue.input === undefined && issue.kind === 'schema'
      ? 'is missing.'
      : issue.message;
  throw new ConfigFileError(`Config file ${path}: ${list}${where} ${message}`);
}

const WORLD_FIELDS = {
  apps: appConfigSchema.entries,
  shortcodes: shortcodeConfigSchema.entries,
  customers: customerConfigSchema.entries,
};
