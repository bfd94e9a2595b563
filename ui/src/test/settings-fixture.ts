import type { Settings } from 'daraja-client/emulator';

/** Settings as a fresh emulator reports them (the defaults of emulator/src/config/defaults.ts). */
export function settingsFixture(): Settings {
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
      queueTimeoutCode: 1,
      queueTimeoutDesc: 'The service request timed out.',
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
    money: {
      customerPerTransactionKsh: 250_000,
      customerDailyKsh: 500_000,
      customerMaxBalanceKsh: 500_000,
      b2cCharges: 'tariff',
      paybillTariff: 'none',
    },
    http: { unknownPath: 'empty' },
    ids: { style: 'current' },
    magic: { enabled: true },
    rateLimit: { tps: 0, scope: 'app', algorithm: 'window', status: 500 },
    c2b: {
      reRegistration: 'allow',
      forbidUrlWords: true,
      stkOnlyShortcodes: ['174379'],
      validationTimeoutMs: 8_000,
      msisdnFormat: 'auto',
      validationDelayMs: 0,
      confirmationDelayMs: 0,
    },
    ratiba: {
      frequencyCodes: 'aug-2026',
      promptTimeoutMs: 60_000,
      callbackDelayMs: 0,
      debitNotice: 'c2b-confirmation',
      debitHourEat: 8,
    },
    billManager: { paymentRetries: 5, paymentDelayMs: 0 },
  };
}
