import type {
  C2bPaymentBody,
  CallbackVariantView,
  ConformanceFireBody,
  ConformanceResult,
  C2bRegistrationView,
  ClockView,
  CustomerPatchBody,
  CustomerUpsertBody,
  C2bValidationView,
  CustomerView,
  DeliveryFilter,
  DeliveryView,
  FaultRuleInput,
  FaultRuleView,
  HealthView,
  InvoiceView,
  JournalEntry,
  JournalFilter,
  MagicPhone,
  OperatorAccountView,
  Settings,
  SettingsPatch,
  ShortcodeView,
  SmsView,
  StandingOrderView,
  TransactionFilter,
  TransactionView,
  SimView,
} from 'daraja-client/emulator';
import { ConformancePaths, FaultControlPaths, TOTAL_COUNT_HEADER } from 'daraja-client/emulator';
import { ControlError, controlErrorFrom, UNREACHABLE, UNREACHABLE_MESSAGE } from './control-error';
import {
  BillPaths,
  C2bPaths,
  ControlPaths,
  ExpressCheckoutPaths,
  OperatorPath,
  RatibaPaths,
  SimPaths,
} from './control-paths';

/** One page of a history list and how many records match in all. */
export interface Page<T> {
  items: T[];
  total: number;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ControlApiOptions {
  fetch?: FetchLike;
  /** Prefix for every path; empty because the emulator serves the UI on the same origin. */
  base?: string;
  /** The emulator's admin token, when it was started with one (sent as `x-emulator-token`). */
  token?: string;
}

/** Every call the UI makes to the emulator. Built from a fetch so tests can answer without a server. */
export function createControlApi(options: ControlApiOptions = {}) {
  const { fetch: fetchImpl = (input, init) => fetch(input, init), base = '', token } = options;
  const auth: Record<string, string> = token ? { 'x-emulator-token': token } : {};
  async function send(method: string, path: string, body?: unknown): Promise<Response> {
    let response: Response;
    try {
      response = await fetchImpl(base + path, {
        method,
        headers: {
          accept: 'application/json',
          ...auth,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      // The emulator is down or restarting; the live socket shows that too, this keeps the message plain.
      throw new ControlError(0, UNREACHABLE, UNREACHABLE_MESSAGE, { cause: error });
    }
    if (!response.ok) throw await controlErrorFrom(response);
    return response;
  }
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const text = await (await send(method, path, body)).text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  /** A history list: one page, and the count of every match from the X-Total-Count header. */
  async function page<T>(path: string): Promise<Page<T>> {
    const response = await send('GET', path);
    const items = (await response.json()) as T[];
    const header = response.headers.get(TOTAL_COUNT_HEADER);
    return { items, total: header === null ? items.length : Number(header) };
  }

  return {
    /** Read whatever the status: a 503 carries the reason the emulator is not healthy. */
    health: async (): Promise<HealthView> => {
      try {
        const response = await fetchImpl(base + ControlPaths.health, {
          headers: { accept: 'application/json', ...auth },
        });
        const body = (await response.json()) as HealthView;
        return body;
      } catch (error) {
        throw new ControlError(0, 'unreachable', `The emulator did not answer (${String(error)})`);
      }
    },
    transactions: (filter: TransactionFilter = {}) =>
      page<TransactionView>(ControlPaths.transactions + query({ ...filter })),
    transaction: (id: string) => call<TransactionView>('GET', ControlPaths.transaction(id)),
    deliveries: (filter: DeliveryFilter = {}) =>
      page<DeliveryView>(ControlPaths.deliveries + query({ ...filter })),
    delivery: (id: string) =>
      call<DeliveryView>('GET', `${ControlPaths.deliveries}/${encodeURIComponent(id)}`),
    resend: (id: string) => call<DeliveryView>('POST', ControlPaths.resend(id)),
    journal: (filter: JournalFilter = {}) =>
      page<JournalEntry>(
        ControlPaths.journal + query({ ...filter, rejected: filter.rejected ? 'true' : undefined }),
      ),
    customers: () => call<CustomerView[]>('GET', ControlPaths.customers),
    addCustomer: (body: CustomerUpsertBody) => call<CustomerView>('POST', ControlPaths.customers, body),
    patchCustomer: (msisdn: string, body: CustomerPatchBody) =>
      call<CustomerView>('PATCH', ControlPaths.customer(msisdn), body),
    /** Swaps the phone's SIM now: the IMSI and SIM Swap checks report it. */
    swapSim: (msisdn: string) => call<SimView>('POST', SimPaths.swap(msisdn)),
    messages: (msisdn: string) => call<SmsView[]>('GET', ControlPaths.messages(msisdn)),
    shortcodes: () => call<ShortcodeView[]>('GET', ControlPaths.shortcodes),
    setBalances: (shortcode: string, balances: Record<string, number>) =>
      call<ShortcodeView>('PATCH', `${ControlPaths.shortcodes}/${encodeURIComponent(shortcode)}`, {
        balances,
      }),
    setValidation: (shortcode: string, enabled: boolean) =>
      call<C2bValidationView>('PUT', C2bPaths.validation(shortcode), { enabled }),
    stkAccept: (id: string, pin: string) =>
      call<TransactionView>('POST', ControlPaths.stkAccept(id), { pin }),
    stkDecline: (id: string) => call<TransactionView>('POST', ControlPaths.stkDecline(id)),
    stkTimeout: (id: string) => call<TransactionView>('POST', ControlPaths.stkTimeout(id)),
    expressCheckoutAccept: (id: string, pin: string) =>
      call<TransactionView>('POST', ExpressCheckoutPaths.accept(id), { pin }),
    expressCheckoutDecline: (id: string) => call<TransactionView>('POST', ExpressCheckoutPaths.decline(id)),
    expressCheckoutTimeout: (id: string) => call<TransactionView>('POST', ExpressCheckoutPaths.timeout(id)),
    settings: () => call<Settings>('GET', ControlPaths.settings),
    patchSettings: (patch: SettingsPatch) => call<Settings>('PATCH', ControlPaths.settings, patch),
    clock: () => call<ClockView>('GET', ControlPaths.clock),
    advanceClock: (ms: number) => call<ClockView | undefined>('POST', ControlPaths.clockAdvance, { ms }),
    runAll: () => call<ClockView | undefined>('POST', ControlPaths.clockRunAll),
    c2bPay: (body: C2bPaymentBody) => call<TransactionView>('POST', C2bPaths.payments, body),
    standingOrders: (phone: string) =>
      call<StandingOrderView[]>('GET', RatibaPaths.orders + query({ phone })),
    ratibaAccept: (id: string, pin: string) => call<TransactionView>('POST', RatibaPaths.accept(id), { pin }),
    ratibaDecline: (id: string) => call<TransactionView>('POST', RatibaPaths.decline(id)),
    ratibaTimeout: (id: string) => call<TransactionView>('POST', RatibaPaths.timeout(id)),
    stopStandingOrder: (orderId: string) => call<StandingOrderView>('POST', RatibaPaths.stop(orderId)),
    invoices: (phone: string) => call<InvoiceView[]>('GET', BillPaths.invoices + query({ phone })),
    c2bRegistrations: () => call<C2bRegistrationView[]>('GET', C2bPaths.registrations),
    /** The operator's account: the transaction charges collected. */
    operator: () => call<OperatorAccountView>('GET', OperatorPath),
    faults: () => call<FaultRuleView[]>('GET', FaultControlPaths.faults),
    /** Adds one rule; a rule the emulator cannot use is refused with 400 naming the field. */
    addFault: (rule: FaultRuleInput) => call<FaultRuleView>('POST', FaultControlPaths.faults, rule),
    deleteFault: (id: string) => call<undefined>('DELETE', FaultControlPaths.fault(id)),
    clearFaults: () => call<undefined>('DELETE', FaultControlPaths.faults),
    magic: () => call<{ enabled: boolean; phones: MagicPhone[] }>('GET', FaultControlPaths.magic),
    conformanceVariants: () => call<CallbackVariantView[]>('GET', ConformancePaths.variants),
    conformanceResults: () => call<ConformanceResult[]>('GET', ConformancePaths.results),
    /** Sends a variant's callbacks to a URL, the emulator starting the payment; answers when it settled. */
    fireVariant: (body: ConformanceFireBody) => call<ConformanceResult>('POST', ConformancePaths.fire, body),
  };
}

export type ControlApi = ReturnType<typeof createControlApi>;

function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
