import * as v from 'valibot';
import { choice, wholeNumber } from './setting.js';

/** Paybill tariffs, with the words for each. */
const PAYBILL_TARIFF_OPTIONS = [
  ['none', 'None (the paybill’s own contract)'],
  ['mgao', 'Mgao: customer and business share'],
  ['business-bouquet', 'Business bouquet: the customer pays all'],
  ['customer-bouquet', 'Customer bouquet: the business pays all'],
] as const;

/** The Pay Bill tariffs a paybill may have. */
export const PAYBILL_TARIFFS: readonly (typeof PAYBILL_TARIFF_OPTIONS)[number][0][] =
  PAYBILL_TARIFF_OPTIONS.map(([name]) => name);

/**
 * Settings section `money`: M-Pesa's money rules on the emulator's ledger, customer wallet limits and
 * transaction charges. Defaults follow Safaricom's published limits and tariffs (docs/money-rules.md gives
 * the sources); 0 turns a limit off.
 */
// SPEC 15 and 24.1: the wallet limits since 2024; SPEC 24.3: B2C charges by the bulk payment bands.
export const moneySettingsSchema = v.object({
  customerPerTransactionKsh: wholeNumber(250_000, {
    label: 'Largest customer payment',
    unit: 'Ksh',
    description:
      'Largest single payment a customer may make (C2B, STK); result 3 above it. Ksh 250 000 since 2024.',
  }),
  customerDailyKsh: wholeNumber(500_000, {
    label: 'Customer daily limit',
    unit: 'Ksh',
    description:
      'What a customer may pay and receive in one East Africa Time day; result 4 past it. Ksh 500 000.',
  }),
  customerMaxBalanceKsh: wholeNumber(500_000, {
    label: 'Largest wallet balance',
    unit: 'Ksh',
    description:
      'Largest wallet balance; a payment to a customer that would pass it gets result 8. Ksh 500 000.',
  }),
  b2cCharges: choice(
    [
      ['tariff', 'M-Pesa’s bulk payment bands'],
      ['none', 'Free'],
    ],
    'tariff',
    {
      label: 'B2C and B2Pochi charges',
      description:
        'B2C and B2Pochi charges, paid by the business from its Charges Paid Account: `tariff` = M-Pesa’s bulk payment bands (Ksh 0 to 100 free, then 5, 9, 11, 12), `none` = free. A `b2c.chargeKsh` above 0 is a flat charge instead.',
    },
  ),
  paybillTariff: choice(PAYBILL_TARIFF_OPTIONS, 'none', {
    label: 'Pay Bill tariff',
    description:
      'The Pay Bill tariff of every paybill (C2B and STK payments to paybills): `none` (no charges, the default: which tariff a paybill has is its own contract), `mgao` (customer and business share), `business-bouquet` (the customer pays all) or `customer-bouquet` (the business pays all).',
  }),
});
