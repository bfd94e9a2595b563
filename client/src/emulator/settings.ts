import type { B2CSettings, InitiatorSettings, SecuritySettings } from './initiator-settings.js';
import type { MoneySettings } from './money-settings.js';
import type { BillManagerSettings, RatibaSettings } from './ratiba-settings.js';
import type { MagicSettings, RateLimitSettings } from './faults.js';

/** The named outcomes of an STK prompt nobody taps (see StkOutcome). */
export const STK_OUTCOMES = [
  'wait',
  'accept',
  'decline',
  'timeout',
  'wrong-pin',
  'insufficient-funds',
  'offline',
] as const;

/**
 * What an STK prompt does when nobody taps the phone: wait for a person (until the PIN timeout), or decide
 * by itself. A number is any STK result code (see `StkResult`).
 */
export type StkOutcome = (typeof STK_OUTCOMES)[number] | number;

/** Every behaviour of the emulator that can change at runtime. */
export interface Settings {
  oauth: {
    /** Token lifetime on the emulator clock. Daraja: 3600 s (it says `"3599"`). */
    tokenTtlSeconds: number;
    /** A new token revokes the app's previous one (Daraja's FAQ says so; unconfirmed). */
    revokePrevious: boolean;
    /** Wrong key or secret: Daraja answers 400 with an empty body; `envelope` sends an error envelope. */
    invalidCredentialsBody: 'empty' | 'envelope';
    /** Accept any consumer key and secret not configured as an app, like a fresh sandbox app. */
    acceptUnknownApps: boolean;
  };
  stk: {
    defaultOutcome: StkOutcome;
    /** Outcome per MSISDN (`2547…`), over the default. */
    phoneOutcomes: Record<string, StkOutcome>;
    pinTimeoutMs: number;
    /** Delay before an automatic decision. */
    decisionDelayMs: number;
    /** Delay between the decision and the callback. */
    callbackDelayMs: number;
    /** Query while pending: `current` = 200 with ResultCode "4999"; `legacy` = 500.001.1001 "being processed". */
    queryPending: 'current' | 'legacy';
    /** `successsfully` (three s, most captures) or `successfully` (one 2026 capture). */
    querySpelling: 'successsfully' | 'successfully';
    /** `current` = "[MerchantValidate] - Wrong credentials"; `legacy` = "Wrong credentials". */
    wrongCredentialsMessage: 'current' | 'legacy';
    /** Reject Timestamps further than this from the emulator clock; 0 turns the check off (Daraja's behaviour). */
    timestampMaxSkewSeconds: number;
    /** Largest accepted amount; larger answers result 3. */
    maxAmount: number;
    /** Amounts with a fractional part: rejected as Invalid Amount, or truncated to whole shillings. */
    fractionalAmounts: 'reject' | 'truncate';
    /**
     * A payment of the same amount from the same customer to the same shortcode within this many seconds of
     * the last one ends with result 17 "Rule limited."; 0 turns the rule off. Daraja's docs: about 2 minutes.
     */
    duplicateWindowSeconds: number;
    /**
     * The query's text for result 1032: `current` = "Request Cancelled by user." (2026 sandbox query),
     * `portal` = "Request cancelled by user" (the portal's sample), `legacy` = "[STK_CB - ]Request cancelled by user" (2017-2019).
     */
    queryCancelledText: 'current' | 'portal' | 'legacy';
  };
  callbacks: {
    /** Extra attempts after a failed delivery. Daraja makes one attempt only. */
    retries: number;
    retryDelayMs: number;
    /** Outbound request timeout (real time). */
    timeoutMs: number;
    /** `sandbox` allows http and localhost; `production` requires public https URLs. */
    urlPolicy: 'sandbox' | 'production';
    /** When not empty, callbacks go only to these host names (or `host:port`). */
    allowHosts: string[];
    /** Deliveries in flight at once; the rest wait their turn. */
    maxInFlight: number;
    /**
     * Link-local and cloud metadata addresses (169.254.0.0/16, fd00:ec2::254) as callback targets. Refused
     * by default when the emulator listens beyond loopback; always allowed on loopback.
     */
    allowLinkLocal: boolean;
  };
  initiator: InitiatorSettings;
  security: SecuritySettings;
  b2c: B2CSettings;
  /** Customer wallet limits and transaction charges (docs/money-rules.md). */
  money: MoneySettings;
  http: {
    /** Unknown paths: Daraja answers 404 with an empty body; `envelope` sends 404.001.01. */
    unknownPath: 'empty' | 'envelope';
    /**
     * A body that is not a JSON object (a JSON syntax error, an array): `per-api` answers as each API's
     * documentation says (C2B and Transaction Status: 400.002.05 Invalid Request Payload; the others report
     * their first field as invalid), `invalid-payload` answers 400.002.05 everywhere, `first-field` nowhere.
     */
    malformedBody: 'per-api' | 'invalid-payload' | 'first-field';
  };
  ids: {
    /** `current` (2024+) or `legacy` (2017-2023) identifier formats. */
    style: 'current' | 'legacy';
  };
  /** Magic phone numbers with fixed STK outcomes (see MAGIC_PHONES). */
  magic: MagicSettings;
  /** Spike arrest on demand. */
  rateLimit: RateLimitSettings;
  c2b: {
    /** Registering URLs again for a shortcode: `allow` (sandbox) or `reject` with "Urls are already registered." (production). */
    reRegistration: 'allow' | 'reject';
    /** Refuse C2B URLs containing M-PESA, mpesa, Safaricom, exe, exec, cmd, sql or query, as Daraja's docs say. */
    forbidUrlWords: boolean;
    /** Shortcodes that take STK pushes only and cannot register C2B URLs (the sandbox's 174379). */
    stkOnlyShortcodes: string[];
    /** How long a ValidationURL has to answer before the registered ResponseType decides. Daraja: about 8 s. */
    validationTimeoutMs: number;
    /** MSISDN in notifications: `auto` = SHA-256 hash for v1 registrations, `2547 ***** 126` for v2. */
    msisdnFormat: 'auto' | 'hashed' | 'masked' | 'plain';
    /** Delay between the payment and the validation request. */
    validationDelayMs: number;
    /** Delay between the money moving and the confirmation. */
    confirmationDelayMs: number;
  };
  pull: {
    /** How far back a Pull Transactions query reaches. Daraja documents the last 48 hours. */
    windowHours: number;
    /** Rows per page (OffSetValue steps by this). Undocumented; the docs' example pages by 100. */
    pageSize: number;
  };
  ratiba: RatibaSettings;
  billManager: BillManagerSettings;
}

/** A partial update of the settings, as `PATCH /_emulator/settings` takes it. */
export type SettingsPatch = { [K in keyof Settings]?: Partial<Settings[K]> };
