import {
  C2bControlPaths,
  CONTROL_PREFIX,
  ConformancePaths,
  ControlPaths,
  FaultControlPaths,
  type C2bValidationView,
  type ClockView,
  type ConformanceResult,
  type DeliveryView,
  type FaultRuleInput,
  type FaultRuleView,
  type Settings,
  type SettingsPatch,
  type TransactionView,
} from 'daraja-client/emulator';
import { ADMIN_TOKEN_HEADER } from '../http/admin-guard.js';

/** A control API call that did not answer as expected; the message says which call and why. */
export class ControlCallError extends Error {
  override readonly name = 'ControlCallError';
}

/**
 * The conformance runner's only way into an emulator: its control API over HTTP. The same code therefore
 * drives an emulator in the test's own process, one the CLI started, and one already running elsewhere.
 */
export class ControlClient {
  constructor(
    readonly baseUrl: string,
    private readonly adminToken?: string,
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const text = await this.text(method, path, body);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The body of a successful call, as text. */
  async text(method: string, path: string, body?: unknown): Promise<string> {
    let res: Response;
    try {
      res = await fetch(this.baseUrl + path, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(this.adminToken ? { [ADMIN_TOKEN_HEADER]: this.adminToken } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new ControlCallError(
        `The emulator at ${this.baseUrl} could not be reached (${method} ${path}): ${(error as Error).message}.`,
      );
    }
    const text = await res.text();
    if (!res.ok) {
      let message = text;
      try {
        message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
      } catch {
        // not JSON: keep the text
      }
      throw new ControlCallError(`${method} ${path} answered ${res.status}: ${message || '(empty)'}`);
    }
    return text;
  }

  /** The emulator's SecurityCredential certificate (PEM). */
  certificate(): Promise<string> {
    return this.text('GET', `${CONTROL_PREFIX}/security/certificate`);
  }

  addRules(rules: FaultRuleInput[]): Promise<FaultRuleView[]> {
    return this.call<FaultRuleView[]>('POST', FaultControlPaths.faults, rules);
  }

  async rules(): Promise<FaultRuleView[]> {
    return this.call<FaultRuleView[]>('GET', FaultControlPaths.faults);
  }

  async removeRule(id: string): Promise<void> {
    await this.call('DELETE', FaultControlPaths.fault(id));
  }

  settings(patch?: SettingsPatch): Promise<Settings> {
    return patch
      ? this.call<Settings>('PATCH', ControlPaths.settings, patch)
      : this.call<Settings>('GET', ControlPaths.settings);
  }

  clock(): Promise<ClockView> {
    return this.call<ClockView>('GET', ControlPaths.clock);
  }

  async advance(ms: number): Promise<void> {
    await this.call('POST', ControlPaths.clockAdvance, { ms });
  }

  async runAll(): Promise<void> {
    await this.call('POST', ControlPaths.clockRunAll);
  }

  transactions(type: string, limit = 50): Promise<TransactionView[]> {
    return this.call<TransactionView[]>('GET', `${ControlPaths.transactions}?type=${type}&limit=${limit}`);
  }

  transaction(id: string): Promise<TransactionView> {
    return this.call<TransactionView>('GET', ControlPaths.transaction(id));
  }

  deliveries(transactionId: string): Promise<DeliveryView[]> {
    return this.call<DeliveryView[]>(
      'GET',
      `${ControlPaths.deliveries}?transactionId=${encodeURIComponent(transactionId)}`,
    );
  }

  pay(body: {
    shortcode: string;
    msisdn: string;
    amount: number;
    billRefNumber?: string;
  }): Promise<TransactionView> {
    return this.call<TransactionView>('POST', C2bControlPaths.payments, body);
  }

  /** Switches the shortcode's external validation; answers whether it was on before. */
  async externalValidation(shortcode: string, enabled: boolean): Promise<boolean> {
    const before = await this.call<C2bValidationView>('GET', C2bControlPaths.validation(shortcode));
    await this.call('PUT', C2bControlPaths.validation(shortcode), { enabled });
    return before.externalValidation;
  }

  /** Publishes a variant's result on the live socket (the dashboard's conformance view). */
  async report(result: ConformanceResult): Promise<void> {
    await this.call('POST', ConformancePaths.results, result);
  }
}
