import type { MoneySettings } from 'daraja-client/emulator';

/** The operator's account, as the control API and the dashboard name it. */
export const OPERATOR_NAME = 'M-PESA charges (operator)';

/** A charge band: amounts up to `upTo` shillings (inclusive) cost `ksh`. */
type Band = readonly [upTo: number, ksh: number];

const charge = (bands: readonly Band[], amount: number): number =>
  bands.find(([upTo]) => amount <= upTo)?.[1] ?? bands[bands.length - 1]?.[1] ?? 0;

/**
 * B2C to a registered customer, paid by the business (SPEC 24.3; M-Pesa bulk payment tariff form, 2023):
 * free up to 100, then 5, 9 and 11. The form copy ends at 15 000 and SPEC 24.3 gives 12 for 20 001 to
 * 150 000; the emulator charges 12 from 15 001 up to the B2C maximum.
 */
const B2C_BANDS: readonly Band[] = [
  [100, 0],
  [1_500, 5],
  [5_000, 9],
  [15_000, 11],
  [Infinity, 12],
];

/** Pay Bill bands (published 2024-2025 tariffs): the upper bound of each band. */
const PAYBILL_LIMITS = [
  100,
  500,
  1_000,
  1_500,
  2_500,
  3_500,
  5_000,
  7_500,
  10_000,
  15_000,
  20_000,
  25_000,
  30_000,
  35_000,
  40_000,
  45_000,
  50_000,
  Infinity,
];
/** Mgao: what the customer and the business each pay per band. */
const MGAO_CUSTOMER = [0, 5, 10, 10, 13, 16, 16, 17, 18, 18, 19, 20, 20, 21, 23, 23, 24, 24];
const MGAO_BUSINESS = [0, 0, 0, 5, 7, 9, 18, 25, 30, 39, 43, 47, 52, 62, 76, 80, 84, 84];
/** The bouquet tariffs: one party pays the whole (the sum of the Mgao shares). */
const BOUQUET_TOTAL = MGAO_CUSTOMER.map((c, i) => c + (MGAO_BUSINESS[i] ?? 0));

const bands = (values: number[]): Band[] => PAYBILL_LIMITS.map((upTo, i) => [upTo, values[i] ?? 0]);

/** The reason of the movement that pays a B2C charge (Transaction Status reports it as DebitPartyCharges). */
export const B2C_CHARGE_REASON = 'B2C charge';

/** Shillings a business pays M-Pesa for a B2C payment of `amount`. */
export function b2cCharge(amount: number, money: MoneySettings, flatKsh: number): number {
  if (flatKsh > 0) return flatKsh;
  return money.b2cCharges === 'tariff' ? charge(B2C_BANDS, amount) : 0;
}

/** Who pays what to M-Pesa for a payment of `amount` to a paybill, under the configured Pay Bill tariff. */
export function paybillCharges(amount: number, money: MoneySettings): { customer: number; business: number } {
  switch (money.paybillTariff) {
    case 'mgao':
      return {
        customer: charge(bands(MGAO_CUSTOMER), amount),
        business: charge(bands(MGAO_BUSINESS), amount),
      };
    case 'business-bouquet':
      return { customer: charge(bands(BOUQUET_TOTAL), amount), business: 0 };
    case 'customer-bouquet':
      return { customer: 0, business: charge(bands(BOUQUET_TOTAL), amount) };
    default:
      return { customer: 0, business: 0 };
  }
}
