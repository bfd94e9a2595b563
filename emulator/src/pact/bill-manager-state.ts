import { DarajaPaths } from 'daraja-client/wire';
import type { ProviderSession } from './provider-session.js';
import { ProviderStateError, shortcode } from './state-values.js';
import type { StateParams } from './state-template.js';

/**
 * Provider state `shortcode {shortcode} is opted in to Bill Manager`: opts the shortcode in through the real
 * endpoint and hands the verifier its `appKey` (for the header of later Bill Manager calls).
 */
export async function billManagerOptIn(
  session: ProviderSession,
  params: StateParams,
): Promise<{ appKey: string }> {
  const answer = await session.call('POST', DarajaPaths.billManagerOptIn, {
    shortcode: shortcode(params),
    email: 'billing@provider-state.example',
    officialContact: '0710000000',
    sendReminders: '1',
    callbackurl: 'https://provider-state.example/bills',
  });
  const appKey = (answer.body as { app_key?: unknown } | undefined)?.app_key;
  if (answer.status !== 200 || typeof appKey !== 'string')
    throw new ProviderStateError(`the opt-in was refused: ${JSON.stringify(answer.body)}`);
  return { appKey };
}
