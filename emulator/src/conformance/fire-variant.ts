import type { ConformanceResult } from 'daraja-client/emulator';
import type { CallbackVariant } from './callback-variant.js';
import { ControlClient } from './control-client.js';
import { DarajaSide } from './daraja-side.js';
import { judge } from './judge.js';
import { playVariant } from './play-variant.js';

/**
 * Plays a variant with the emulator as the app's trigger: it starts the payment itself, with `url` as the
 * callback URL, through the emulator at `baseUrl`. Loaded on first use: it brings in the Daraja client,
 * which the emulator does not otherwise need at start-up.
 */
export async function fireVariant(
  baseUrl: string,
  adminToken: string | undefined,
  variant: CallbackVariant,
  url: string,
  runId: string,
  now: () => number,
): Promise<ConformanceResult> {
  const control = new ControlClient(baseUrl, adminToken);
  const run = await playVariant(control, new DarajaSide(control), variant, { callbackUrl: url });
  return judge(run, runId, now());
}
