import { randomUUID } from 'node:crypto';
import { AccountBalanceApi } from './api/account-balance-api.js';
import { ImsiApi } from './api/imsi-api.js';
import { B2bExpressCheckoutApi } from './api/b2b-express-checkout-api.js';
import { DynamicQrApi } from './api/dynamic-qr-api.js';
import type { ApiContext } from './api/api-context.js';
import { B2BApi } from './api/b2b-api.js';
import { B2CApi } from './api/b2c-api.js';
import { C2BApi } from './api/c2b-api.js';
import { Initiator } from './api/initiator.js';
import { OAuthApi } from './api/oauth-api.js';
import { PullTransactionsApi } from './api/pull-transactions-api.js';
import { ReversalApi } from './api/reversal-api.js';
import { RatibaApi } from './api/ratiba-api.js';
import { BillManagerApi } from './api/bill-manager-api.js';
import { StkApi } from './api/stk-api.js';
import { TransactionStatusApi } from './api/transaction-status-api.js';
import { checkConfig, type DarajaClientConfig, resolveBaseUrl } from './config.js';
import { DarajaHttp } from './http/daraja-http.js';
import { retryPolicy } from './http/retry.js';
import { Transport } from './http/transport.js';

const DEFAULT_TIMEOUT_MS = 30_000;

/** A typed client for Safaricom's Daraja API: one instance per consumer key, sharing one cached token. */
export class DarajaClient {
  /** OAuth tokens (cached; refreshed ahead of expiry). */
  readonly oauth: OAuthApi;
  /** M-Pesa Express (STK push) and its query. */
  readonly stk: StkApi;
  /** C2B URL registration and sandbox simulation. */
  readonly c2b: C2BApi;
  /** Business to Customer payments. */
  readonly b2c: B2CApi;
  /** Transaction Status queries. */
  readonly transactionStatus: TransactionStatusApi;
  /** Account Balance queries. */
  readonly accountBalance: AccountBalanceApi;
  /** Transaction reversals. */
  readonly reversal: ReversalApi;
  /** Business to Business payments and tax remittance to KRA. */
  readonly b2b: B2BApi;
  /** Pull Transactions: C2B reconciliation. */
  readonly pullTransactions: PullTransactionsApi;
  /** IMSI and SIM Swap checks. */
  readonly imsi: ImsiApi;
  /** B2B Express Checkout: USSD pushes asking a till's operator to pay you. */
  readonly b2bExpressCheckout: B2bExpressCheckoutApi;
  /** Dynamic QR codes. */
  readonly dynamicQr: DynamicQrApi;
  /** M-Pesa Ratiba standing orders. */
  readonly ratiba: RatibaApi;
  /** Bill Manager e-invoicing. */
  readonly billManager: BillManagerApi;

  /** Validates the configuration and wires the API classes; sends nothing. */
  constructor(config: DarajaClientConfig) {
    checkConfig(config);
    const now = config.now ?? (() => new Date().getTime());
    const retry = retryPolicy(config.retry);
    const transport = new Transport({
      baseUrl: resolveBaseUrl(config),
      // Looked up per call so a fetch patched after construction (e.g. by an HTTP mocking library) is honoured.
      fetch: config.fetch ?? ((url, init) => globalThis.fetch(url, init)),
      timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    this.oauth = new OAuthApi({
      transport,
      consumerKey: config.consumerKey,
      consumerSecret: config.consumerSecret,
      retry,
      now,
      refreshMarginMs: config.tokenRefreshMarginMs,
    });
    const context: ApiContext = {
      http: new DarajaHttp({
        transport,
        oauth: this.oauth,
        retry,
        refreshOnInvalidToken: config.refreshOnInvalidToken ?? true,
      }),
      initiator: new Initiator(config),
      now,
      generateId: config.generateId ?? (() => randomUUID()),
      production: config.environment === 'production',
      shortcode: config.shortcode,
      passkey: config.passkey,
    };
    this.stk = new StkApi(context);
    this.c2b = new C2BApi(context);
    this.b2c = new B2CApi(context);
    this.transactionStatus = new TransactionStatusApi(context);
    this.accountBalance = new AccountBalanceApi(context);
    this.reversal = new ReversalApi(context);
    this.b2b = new B2BApi(context);
    this.pullTransactions = new PullTransactionsApi(context);
    this.imsi = new ImsiApi(context);
    this.b2bExpressCheckout = new B2bExpressCheckoutApi(context);
    this.dynamicQr = new DynamicQrApi(context);
    this.ratiba = new RatibaApi(context);
    this.billManager = new BillManagerApi(context);
  }
}
