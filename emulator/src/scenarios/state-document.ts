import type { Settings, StateDocument, WorldConfig } from 'daraja-client/emulator';
import type { TransactionView } from 'daraja-client/emulator';
import type { EmulatorControl } from '../control/emulator-control.js';
import { ManualClock } from '../time/clock.js';
import { defaultSettings } from '../config/defaults.js';
import { mergeSettings } from '../config/settings-holder.js';
import { validateSettings } from '../config/validate-settings.js';
import { validateRule } from '../faults/validate-rule.js';
import type { StoredRecord } from '../store/store.js';

/** A state document the emulator cannot load; the message says why. */
export class StateDocumentError extends Error {
  override readonly name = 'StateDocumentError';
}

/**
 * Everything the emulator holds: every store collection (customers, shortcodes, balances, transactions,
 * deliveries, journal, tokens, ...), the settings, the configured world and the fault rules. It holds
 * secrets (PINs, passkeys, tokens) in clear, so that importing it gives back the same emulator.
 */
export function exportState(emulator: EmulatorControl): StateDocument {
  const collections: Record<string, StoredRecord[]> = {};
  for (const name of emulator.store.names())
    collections[name] = [...emulator.store.collection(name).values()];
  return {
    format: 'daraja-emulator-state',
    version: 1,
    exportedAt: emulator.clock.now(),
    settings: emulator.settings.current,
    world: emulator.world,
    faults: emulator.faults.rules.inputs(),
    collections,
  };
}

/**
 * Replaces the whole state with a document from `exportState`. Everything is checked before anything
 * changes. Pending work (prompts, callbacks) is scheduled again as after a restart; a manual clock moves
 * forward to the export time (it never moves back).
 */
export function importState(emulator: EmulatorControl, input: unknown): void {
  const doc = checkDocument(input);
  const settings = mergeSettings(defaultSettings(), doc.settings as Settings);
  try {
    validateSettings(settings);
  } catch (error) {
    throw new StateDocumentError(`settings: ${(error as Error).message}`);
  }
  try {
    doc.faults.forEach((rule, i) => validateRule(rule, `faults[${i}]`));
  } catch (error) {
    throw new StateDocumentError((error as Error).message);
  }

  emulator.scheduler.clear();
  for (const api of emulator.apis) api.clear?.();
  emulator.store.clear();
  emulator.transactions.clearIndex();
  emulator.settings.replace(settings);
  emulator.faults.rules.replace(doc.faults, 'faults');
  emulator.faults.restart();
  Object.assign(emulator.world, {
    apps: doc.world.apps,
    shortcodes: doc.world.shortcodes,
    customers: doc.world.customers,
  });
  if (emulator.clock instanceof ManualClock) emulator.clock.set(doc.exportedAt);
  for (const [name, records] of Object.entries(doc.collections)) {
    if (name === 'transactions') for (const t of records) emulator.transactions.put(t as TransactionView);
    else {
      const collection = emulator.store.collection(name);
      for (const record of records) collection.put(record);
    }
  }
  for (const api of emulator.apis) api.recover?.();
  emulator.outbox.recover();
  emulator.events.emit({ type: 'reset', at: emulator.clock.now() });
}

function checkDocument(input: unknown): StateDocument {
  const fail = (message: string): never => {
    throw new StateDocumentError(message);
  };
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return fail('The state must be a JSON object from GET /_emulator/state.');
  const doc = input as Partial<StateDocument>;
  if (doc.format !== 'daraja-emulator-state') fail('"format" must be "daraja-emulator-state".');
  if (doc.version !== 1)
    fail(`"version" ${JSON.stringify(doc.version)} is not supported (this emulator reads version 1).`);
  if (typeof doc.exportedAt !== 'number' || !Number.isFinite(doc.exportedAt))
    fail('"exportedAt" must be a time in ms.');
  if (!doc.settings || typeof doc.settings !== 'object') fail('"settings" must be an object.');
  const world = doc.world as Partial<WorldConfig> | undefined;
  if (
    !world ||
    !Array.isArray(world.apps) ||
    !Array.isArray(world.shortcodes) ||
    !Array.isArray(world.customers)
  ) {
    fail('"world" must have "apps", "shortcodes" and "customers" lists.');
  }
  if (!Array.isArray(doc.faults)) fail('"faults" must be a list.');
  const collections = doc.collections;
  if (!collections || typeof collections !== 'object' || Array.isArray(collections))
    fail('"collections" must be an object.');
  for (const [name, records] of Object.entries(collections as object)) {
    if (
      !Array.isArray(records) ||
      !records.every((r) => r && typeof r === 'object' && typeof (r as StoredRecord).id === 'string')
    ) {
      fail(`collections.${name} must be a list of records, each with a string "id".`);
    }
  }
  return doc as StateDocument;
}
