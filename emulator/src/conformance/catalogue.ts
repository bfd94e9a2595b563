import type { CallbackVariantView, ConformanceFamily } from 'daraja-client/emulator';
import type { CallbackVariant } from './callback-variant.js';
import { C2B_VARIANTS } from './c2b-variants.js';
import { RESULT_VARIANTS } from './result-variants.js';
import { STK_VARIANTS } from './stk-variants.js';

/**
 * Every callback variant the emulator can send, in one list: M-Pesa Express, C2B, and the Result callbacks
 * of B2C, Transaction Status, Account Balance and Reversal. Each is produced with the emulator's own fault
 * rules and settings, so what a conformance run sends is what the emulator sends anyway.
 */
export const CALLBACK_VARIANTS: readonly CallbackVariant[] = [
  ...STK_VARIANTS,
  ...C2B_VARIANTS,
  ...RESULT_VARIANTS,
];

export interface VariantFilter {
  /** One family or several. */
  family?: ConformanceFamily | ConformanceFamily[];
  /** Only these names (unknown names are ignored here; see unknownVariants). */
  names?: string[];
  /** Leave out variants that need something the app does not offer. */
  without?: CallbackVariantView['needs'];
}

/** The variants matching a filter, in catalogue order. */
export function selectVariants(filter: VariantFilter = {}): CallbackVariant[] {
  const families = filter.family === undefined ? undefined : [filter.family].flat();
  return CALLBACK_VARIANTS.filter(
    (v) =>
      (!families || families.includes(v.family)) &&
      (!filter.names || filter.names.includes(v.name)) &&
      !(filter.without ?? []).some((n) => v.needs.includes(n)),
  );
}

export function findVariant(name: string): CallbackVariant | undefined {
  return CALLBACK_VARIANTS.find((v) => v.name === name);
}

/** Names that are not in the catalogue. */
export function unknownVariants(names: string[]): string[] {
  return names.filter((n) => !findVariant(n));
}
