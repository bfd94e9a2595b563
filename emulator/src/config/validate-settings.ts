import { PAYBILL_TARIFFS, STK_OUTCOMES, type Settings } from 'daraja-client/emulator';
import { defaultSettings } from './defaults.js';
import { initiatorSettingChecks } from './initiator-setting-checks.js';
import { faultSettingChecks } from './fault-setting-checks.js';
import { pullSettingChecks } from './pull-setting-checks.js';
import { ratibaSettingChecks } from './ratiba-setting-checks.js';
import { billManagerSettingChecks } from './bill-manager-setting-checks.js';

/** A setting with a value the emulator cannot use; the message names the setting. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

type Check = (value: unknown) => boolean;

const isNonNegativeInt: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isBool: Check = (v) => typeof v === 'boolean';
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v);
const isOutcome: Check = (v) =>
  (typeof v === 'string' && (STK_OUTCOMES as readonly string[]).includes(v)) ||
  (typeof v === 'number' && Number.isInteger(v));

const checks: { [S in keyof Settings]: Record<keyof Settings[S], Check> } = {
  oauth: {
    tokenTtlSeconds: (v) => isNonNegativeInt(v) && (v as number) > 0,
    revokePrevious: isBool,
    invalidCredentialsBody: oneOf('empty', 'envelope'),
    acceptUnknownApps: isBool,
  },
  stk: {
    defaultOutcome: isOutcome,
    phoneOutcomes: (v) =>
      !!v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      Object.values(v as object).every((o) => isOutcome(o)),
    pinTimeoutMs: isNonNegativeInt,
    decisionDelayMs: isNonNegativeInt,
    callbackDelayMs: isNonNegativeInt,
    queryPending: oneOf('current', 'legacy'),
    querySpelling: oneOf('successsfully', 'successfully'),
    wrongCredentialsMessage: oneOf('current', 'legacy'),
    timestampMaxSkewSeconds: isNonNegativeInt,
    maxAmount: (v) => isNonNegativeInt(v) && (v as number) > 0,
    fractionalAmounts: oneOf('reject', 'truncate'),
    duplicateWindowSeconds: isNonNegativeInt,
    queryCancelledText: oneOf('current', 'portal', 'legacy'),
  },
  callbacks: {
    retries: (v) => isNonNegativeInt(v) && (v as number) <= 20,
    retryDelayMs: isNonNegativeInt,
    timeoutMs: (v) => isNonNegativeInt(v) && (v as number) > 0 && (v as number) <= 120_000,
    urlPolicy: oneOf('sandbox', 'production'),
    allowHosts: (v) => Array.isArray(v) && v.every((h) => typeof h === 'string' && h.length > 0),
    maxInFlight: (v) => isNonNegativeInt(v) && (v as number) > 0,
    allowLinkLocal: (v) => typeof v === 'boolean',
  },
  ...initiatorSettingChecks,
  money: {
    customerPerTransactionKsh: isNonNegativeInt,
    customerDailyKsh: isNonNegativeInt,
    customerMaxBalanceKsh: isNonNegativeInt,
    b2cCharges: oneOf('tariff', 'none'),
    paybillTariff: oneOf(...PAYBILL_TARIFFS),
  },
  http: {
    unknownPath: oneOf('empty', 'envelope'),
    malformedBody: oneOf('per-api', 'invalid-payload', 'first-field'),
  },
  ids: { style: oneOf('current', 'legacy') },
  ...faultSettingChecks,
  c2b: {
    reRegistration: oneOf('allow', 'reject'),
    forbidUrlWords: isBool,
    stkOnlyShortcodes: (v) =>
      Array.isArray(v) && v.every((s) => typeof s === 'string' && /^\d{5,7}$/.test(s)),
    validationTimeoutMs: (v) => isNonNegativeInt(v) && (v as number) > 0 && (v as number) <= 120_000,
    msisdnFormat: oneOf('auto', 'hashed', 'masked', 'plain'),
    validationDelayMs: isNonNegativeInt,
    confirmationDelayMs: isNonNegativeInt,
  },
  ...pullSettingChecks,
  ...ratibaSettingChecks,
  ...billManagerSettingChecks,
};

/** Throws a SettingsError naming the first setting that is unknown or has an unusable value. */
export function validateSettings(settings: Settings): void {
  const defaults = defaultSettings() as unknown as Record<string, Record<string, unknown>>;
  const given = settings as unknown as Record<string, unknown>;
  for (const [section, values] of Object.entries(given)) {
    const sectionChecks = (checks as unknown as Record<string, Record<string, Check>>)[section];
    if (!sectionChecks) throw new SettingsError(`Unknown settings section "${section}".`);
    if (!values || typeof values !== 'object')
      throw new SettingsError(`Settings section "${section}" must be an object.`);
    for (const [key, value] of Object.entries(values)) {
      const check = sectionChecks[key];
      if (!check) throw new SettingsError(`Unknown setting "${section}.${key}".`);
      if (!check(value)) {
        throw new SettingsError(
          `Setting "${section}.${key}" cannot be ${JSON.stringify(value)} (default: ${JSON.stringify(defaults[section]?.[key])}).`,
        );
      }
    }
    for (const key of Object.keys(sectionChecks)) {
      if (!(key in values)) throw new SettingsError(`Setting "${section}.${key}" is missing.`);
    }
  }
}
