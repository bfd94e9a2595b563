import type { WorldConfig } from 'daraja-client/emulator';
import { defaultWorld } from './defaults.js';

/** A world given by configuration: its entries add to (or replace, by key) the defaults unless told otherwise. */
export type WorldInput = Partial<WorldConfig> & { includeDefaults?: boolean };

function byKey<T>(base: T[], extra: T[] | undefined, key: (item: T) => string): T[] {
  if (!extra) return base;
  const map = new Map(base.map((item) => [key(item), item]));
  for (const item of extra) map.set(key(item), item);
  return [...map.values()];
}

/** The default sandbox world with the configured apps, shortcodes and customers laid over it. */
export function buildWorld(input: WorldInput = {}): WorldConfig {
  const base: WorldConfig =
    input.includeDefaults === false ? { apps: [], shortcodes: [], customers: [] } : defaultWorld();
  return {
    apps: byKey(base.apps, input.apps, (a) => a.consumerKey),
    shortcodes: byKey(base.shortcodes, input.shortcodes, (s) => String(s.shortcode)),
    customers: byKey(base.customers, input.customers, (c) => String(c.msisdn)),
  };
}
