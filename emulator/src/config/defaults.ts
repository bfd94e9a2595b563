import type { Settings, WorldConfig } from 'daraja-client/emulator';
import { KRA_SHORTCODE, QUEUE_TIMEOUT_RESULT } from 'daraja-client/wire';
import { defaultFaultSettings } from './fault-setting-checks.js';
import { defaultRatibaSettings } from './ratiba-setting-checks.js';
import { defaultBillManagerSettings } from './bill-manager-setting-checks.js';

/** The sandbox's public Lipa na M-Pesa Online passkey for shortcode 174379. */
export const SANDBOX_PASSKEY = 'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919';
export const SANDBOX_SHORTCODE = '174379';
export const SANDBOX_MSISDN = '254708374149';
export const SANDBOX_INITIATOR = { name: 'testapi', password: 'Safaricom999!*!' };

/** The emulator's default port: uncommon, so it rarely clashes with an app under test. */
export const DEFAULT_PORT = 7379;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_PATH = '.daraja-emulator/data.json';

/** Defaults follow the real sandbox: prompts wait for the phone until the PIN timeout. */
export function defaultSettings(): Settings {
  return {
    oauth: {
      tokenTtlSeconds: 3600,
      revokePrevious: false,
      invalidCredentialsBody: 'empty',
      acceptUnknownApps: true,
    },
    stk: {
      defaultOutcome: 'wait',
      phoneOutcomes: {},
      pinTimeoutMs: 60_000,
      decisionDelayMs: 0,
      callbackDelayMs: 0,
      queryPending: 'current',
      querySpelling: 'successsfully',
      wrongCredentialsMessage: 'current',
      timestampMaxSkewSeconds: 0,
      maxAmount: 250_000,
      fractionalAmounts: 'reject',
      // SPEC 3.4 and 15: the portal documents result 17 for the same amount within about 2 minutes.
      duplicateWindowSeconds: 120,
      queryCancelledText: 'current',
    },
    callbacks: {
      retries: 0,
      retryDelayMs: 5_000,
      timeoutMs: 10_000,
      urlPolicy: 'sandbox',
      allowHosts: [],
      maxInFlight: 64,
      allowLinkLocal: false,
    },
    initiator: {
      resultDelayMs: 0,
      queueTimeoutDelayMs: 0,
      queueTimeoutCode: QUEUE_TIMEOUT_RESULT.code,
      queueTimeoutDesc: QUEUE_TIMEOUT_RESULT.desc,
      outcomes: {},
      singleItemAsObject: true,
    },
    security: { credentialCheck: 'lenient', lockAfterFailures: 3, certificatePath: '', privateKeyPath: '' },
    b2c: {
      duplicateOriginatorConversationId: 'reject',
      resultKeyOrder: 'current',
      minAmount: 10,
      maxAmount: 250_000,
      chargeKsh: 0,
    },
    // SPEC 15 and 24.1: the wallet limits since 2024; SPEC 24.3: B2C charges by the bulk payment bands.
    money: {
      customerPerTransactionKsh: 250_000,
      customerDailyKsh: 500_000,
      customerMaxBalanceKsh: 500_000,
      b2cCharges: 'tariff',
      paybillTariff: 'none',
    },
    http: { unknownPath: 'empty', malformedBody: 'per-api' },
    ids: { style: 'current' },
    ...defaultFaultSettings(),
    c2b: {
      reRegistration: 'allow',
      forbidUrlWords: true,
      stkOnlyShortcodes: [SANDBOX_SHORTCODE],
      validationTimeoutMs: 8_000,
      msisdnFormat: 'auto',
      validationDelayMs: 0,
      confirmationDelayMs: 0,
    },
    // SPEC 21.2: a 48-hour window; the page size is undocumented (the docs page by 100).
    pull: { windowHours: 48, pageSize: 100 },
    ...defaultRatibaSettings(),
    ...defaultBillManagerSettings(),
  };
}

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
