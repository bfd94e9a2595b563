import { DarajaErrors, KRA_SHORTCODE, TAX_COMMAND_ID } from 'daraja-client/wire';
import type { Settings } from 'daraja-client/emulator';
import { DarajaError } from '../../http/daraja-error.js';
import { callbackUrl, command, text, type Body } from '../initiator/fields.js';
import { validateHead, type BusinessPaymentInput } from '../b2b/validate.js';

export interface TaxRemittanceInput extends BusinessPaymentInput {
  /** The KRA payment registration number (PRN). */
  accountReference: string;
}

/**
 * Checks a tax remittance body in the documented order (SPEC 11, 23): the B2B head with CommandID
 * `PayTaxToKRA`, then AccountReference (the PRN), Remarks, QueueTimeOutURL, ResultURL. The portal says only
 * KRA's shortcode is accepted as PartyB; any other is refused as an invalid PartyB.
 */
export function validateTaxRemittance(body: Body, settings: Settings): TaxRemittanceInput {
  const head = validateHead(body, (b) => command(b, [TAX_COMMAND_ID] as const));
  if (head.partyB !== KRA_SHORTCODE) {
    throw new DarajaError(
      DarajaErrors.invalidField('PartyB'),
      `PartyB: ${head.partyB} is not KRA's shortcode ${KRA_SHORTCODE}, the only receiver of tax remittances.`,
    );
  }
  const accountReference = text(body, 'AccountReference', 100);
  const remarks = text(body, 'Remarks', 100);
  const queueTimeoutUrl = callbackUrl(body, 'QueueTimeOutURL', settings.callbacks);
  const resultUrl = callbackUrl(body, 'ResultURL', settings.callbacks);
  return { ...head, accountReference, remarks, queueTimeoutUrl, resultUrl };
}
