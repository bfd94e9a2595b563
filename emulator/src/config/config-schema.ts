import * as v from 'valibot';
import {
  appConfigSchema,
  customerConfigSchema,
  settingsPatchSchema,
  shortcodeConfigSchema,
} from 'daraja-client/emulator';
import { DEFAULT_HISTORY, type HistoryCaps } from './history-caps.js';

const listOf = <T extends v.GenericSchema>(item: T, what: string) =>
  v.optional(v.pipe(v.array(item, 'must be a list.'), v.description(what)));

const historyCapsSchema = v.pipe(
  v.strictObject(
    Object.fromEntries(
      Object.entries(DEFAULT_HISTORY).map(([kind, cap]) => [
        kind,
        v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), cap),
      ]),
    ) as unknown as Record<keyof HistoryCaps, v.OptionalSchema<v.GenericSchema<number>, number>>,
  ),
  v.description('How many records of each kind of history are kept; beyond a cap the oldest go first.'),
);

/**
 * The top-level shape of a `--config` file (emulator.json, or YAML) and of a scenario: the world, settings,
 * and start-up choices. readConfigFile checks its keys; the JSON Schema in emulator/schema/ is generated
 * from it (scripts/json-schemas.mjs).
 */
export const configFileSchema = v.strictObject({
  $schema: v.optional(
    v.pipe(v.string(), v.description('The JSON Schema of this file; ignored by the emulator.')),
  ),
  settings: v.optional(
    v.pipe(
      settingsPatchSchema,
      v.description('Settings over the defaults, section by section (docs/settings).'),
    ),
  ),
  apps: listOf(appConfigSchema, 'Daraja apps: { name, consumerKey, consumerSecret }.'),
  shortcodes: listOf(
    shortcodeConfigSchema,
    'Shortcodes: { shortcode, kind, name, passkey?, balances?, initiators?, … }.',
  ),
  customers: listOf(customerConfigSchema, 'Customers: { msisdn, name, pin, balance }.'),
  includeDefaults: v.optional(
    v.pipe(v.boolean(), v.description('false: start from an empty world instead of the sandbox defaults.')),
  ),
  seed: v.optional(
    v.pipe(
      v.union([v.number(), v.string()]),
      v.description('Makes identifiers and receipts repeatable (like --seed).'),
    ),
  ),
  clock: v.optional(
    v.pipe(
      v.picklist(['system', 'manual']),
      v.description('`manual`: time moves only when advanced through the control API.'),
    ),
  ),
  faults: listOf(
    v.looseObject({}),
    'Fault rules in force from the start (docs/faults.md); checked when the emulator starts.',
  ),
  history: v.optional(historyCapsSchema),
});

/** The config file's keys, in order, and those that hold lists. */
export const CONFIG_KEYS = Object.keys(configFileSchema.entries);
export const CONFIG_LIST_KEYS = CONFIG_KEYS.filter(
  (key) =>
    (
      configFileSchema.entries as unknown as Record<
        string,
        { wrapped: { pipe?: readonly { type: string }[] } }
      >
    )[key]!.wrapped.pipe?.[0]?.type === 'array',
);
