import { INITIATOR_APIS, INITIATOR_OUTCOMES, type Settings } from 'daraja-client/emulator';

type Check = (value: unknown) => boolean;

const isNonNegativeInt: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isBool: Check = (v) => typeof v === 'boolean';
const isText: Check = (v) => typeof v === 'string';
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v);
/** Shillings with at most two decimals; 0.07 * 100 is not exactly 7 in floating point, hence the tolerance. */
export const isMoney = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(Math.round(v * 100) - v * 100) < 1e-6;
const isNonNegativeMoney: Check = (v) => isMoney(v) && v >= 0;

/** A result code as Daraja writes them: a whole number, or upper-case letters, digits and underscores. */
export const isResultCode: Check = (v) =>
  (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^[A-Z0-9_]{1,10}$/.test(v));

const isOutcome: Check = (v) =>
  (typeof v === 'string' && (INITIATOR_OUTCOMES as readonly string[]).includes(v)) || isResultCode(v);

/** `<api>`, `<api>:<shortcode>`, `*` or `*:<shortcode>`. */
const isOutcomeKey = (key: string): boolean => {
  const [api, shortcode, extra] = key.split(':');
  if (extra !== undefined || api === undefined) return false;
  if (api !== '*' && !(INITIATOR_APIS as readonly string[]).includes(api)) return false;
  return shortcode === undefined || /^\d{5,12}$/.test(shortcode);
};

type Sections = Pick<Settings, 'initiator' | 'security' | 'b2c'>;

/** Checks of the initiator, security and b2c settings sections (see validate-settings). */
export const initiatorSettingChecks: { [S in keyof Sections]: Record<keyof Sections[S], Check> } = {
  initiator: {
    resultDelayMs: isNonNegativeInt,
    queueTimeoutDelayMs: isNonNegativeInt,
    queueTimeoutCode: isResultCode,
    queueTimeoutDesc: isText,
    outcomes: (v) =>
      !!v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      Object.entries(v as object).every(([key, outcome]) => isOutcomeKey(key) && isOutcome(outcome)),
    singleItemAsObject: isBool,
  },
  security: {
    credentialCheck: oneOf('lenient', 'strict'),
    lockAfterFailures: isNonNegativeInt,
    certificatePath: isText,
    privateKeyPath: isText,
  },
  b2c: {
    duplicateOriginatorConversationId: oneOf('reject', 'accept'),
    resultKeyOrder: oneOf('current', '2017'),
    minAmount: (v) => isNonNegativeInt(v) && (v as number) >= 1,
    maxAmount: (v) => isNonNegativeInt(v) && (v as number) >= 1,
    chargeKsh: isNonNegativeMoney,
  },
};
