import type { WorldConfig } from 'daraja-client/emulator';
import { KRA_SHORTCODE } from 'daraja-client/wire';

/** The sandbox's public Lipa na M-Pesa Online passkey for shortcode 174379. */
export const SANDBOX_PASSKEY = 'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919';
export const SANDBOX_SHORTCODE = '174379';
export const SANDBOX_MSISDN = '254708374149';
export const SANDBOX_INITIATOR = { name: 'testapi', password: 'Safaricom999!*!' };

/** The emulator's default port: uncommon, so it rarely clashes with an app under test. */
export const DEFAULT_PORT = 7379;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_PATH = '.daraja-emulator/data.json';

/**
 * Defaults follow the real sandbox: prompts wait for the phone until the PIN timeout. Each is declared beside
 * its setting, in daraja-client/emulator's settings schema (client/src/emulator/settings/).
 */
export { defaultSettings } from 'daraja-client/emulator';

/** A world like a fresh sandbox app's: the STK test shortcode, test shortcodes 600xxx and test customers. */
export function defaultWorld(): WorldConfig {
  const initiators = [SANDBOX_INITIATOR];
  return {
    apps: [],
    shortcodes: [
      {
        shortcode: SANDBOX_SHORTCODE,
        kind: 'paybill',
        name: 'DARAJA SANDBOX',
        passkey: SANDBOX_PASSKEY,
        balances: { 'Utility Account': 0 },
        // Lets Transaction Status and Reversal act on STK payments made to the sandbox shortcode.
        initiators,
      },
      {
        shortcode: '600984',
        kind: 'paybill',
        name: 'Safaricom Daraja 984',
        balances: { 'Working Account': 700_000, 'Utility Account': 228_037 },
        initiators,
      },
      {
        shortcode: '600000',
        kind: 'paybill',
        name: 'Safaricom Daraja 000',
        balances: { 'Working Account': 500_000, 'Utility Account': 100_000 },
        initiators,
      },
      {
        shortcode: '600997',
        kind: 'b2c',
        name: 'Safaricom Daraja 997',
        balances: { 'Working Account': 1_199_371, 'Utility Account': 8_959_269.6 },
        initiators,
      },
      {
        shortcode: '373132',
        kind: 'till',
        name: 'TEST SUPERMARKET',
        passkey: SANDBOX_PASSKEY,
        balances: { 'Merchant Account': 0 },
        // Jane runs the till: B2B Express Checkout prompts for it ring on her phone.
        nominatedNumber: '254712345678',
        initiators,
      },
      // Tax remittances (/mpesa/b2b/v1/remittax) are paid to KRA's shortcode, the only one the API accepts.
      {
        shortcode: KRA_SHORTCODE,
        kind: 'paybill',
        name: 'Kenya Revenue Authority',
        balances: { 'Utility Account': 0 },
      },
    ],
    customers: [
      { msisdn: SANDBOX_MSISDN, name: 'John Doe', pin: '1234', balance: 50_000 },
      { msisdn: '254712345678', name: 'Jane Wanjiku', pin: '1234', balance: 20_000 },
      { msisdn: '254722000000', name: 'Brian Otieno', pin: '4321', balance: 500 },
      { msisdn: '254110000001', name: 'Amina Hassan', pin: '1111', balance: 100_000 },
    ],
  };
}
