import { findVariant, selectVariants, type VariantFilter } from '../conformance/catalogue.js';
import type { CallbackVariant } from '../conformance/callback-variant.js';
import { ControlClient } from '../conformance/control-client.js';
import { DarajaSide } from '../conformance/daraja-side.js';
import { playVariant, type PlayOptions, type VariantRun } from '../conformance/play-variant.js';

/** What `play` returns: the run, plus whatever the trigger returned (the app's order, say). */
export interface ConformanceRun<T = unknown> extends VariantRun {
  triggered: T | undefined;
}

/** `play` options; `trigger` may return the app's record so the test can look it up afterwards. */
export interface ConformancePlayOptions<T> extends Omit<PlayOptions, 'trigger'> {
  trigger?: (values: Parameters<NonNullable<PlayOptions['trigger']>>[0]) => T | Promise<T>;
}

/**
 * The catalogue's variants for one test each: `for (const v of conformanceVariants({ family: 'stk' }))`.
 * `without: ['reconcile']` leaves out variants an app without a reconcile step cannot pass.
 */
export function conformanceVariants(filter: VariantFilter = {}): CallbackVariant[] {
  return selectVariants(filter);
}

/** Plays one variant against the emulator at `url` (see TestEmulator.play). */
export async function playConformance<T>(
  url: string,
  adminToken: string | undefined,
  variant: CallbackVariant | string,
  options: ConformancePlayOptions<T>,
): Promise<ConformanceRun<T>> {
  const chosen = typeof variant === 'string' ? findVariant(variant) : variant;
  if (!chosen)
    throw new Error(`No callback variant ${JSON.stringify(variant)}; conformanceVariants() lists them.`);
  const control = new ControlClient(url, adminToken);
  let triggered: T | undefined;
  const { trigger, ...rest } = options;
  const run = await playVariant(control, new DarajaSide(control), chosen, {
    ...rest,
    ...(trigger ? { trigger: async (values) => (triggered = await trigger(values)) } : {}),
  });
  return { ...run, triggered };
}
