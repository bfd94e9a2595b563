import type {
  C2bPaymentBody,
  C2bRegistrationView,
  ClockView,
  CustomerPatchBody,
  CustomerUpsertBody,
  CustomerView,
  DeliveryView,
  FaultRuleInput,
  FaultRuleView,
  HealthView,
  JournalEntry,
  MagicPhone,
  Settings,
  SettingsPatch,
  ShortcodeView,
  SmsView,
  TransactionFilter,
  TransactionView,
} from 'daraja-client/emulator';
import { FaultControlPaths } from 'daraja-client/emulator';
import { ControlError, controlErrorFrom } from './control-error';
import { C2bPaths, ControlPaths } from './control-paths';

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
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
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
      throw new ControlError(0, 'unreachable', `The emulator did not answer (${String(error)})`);
    }
    if (!response.ok) throw await controlErrorFrom(response);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
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
      call<TransactionView[]>('GET', ControlPaths.transactions + query({ ...filter })),
    transaction: (id: string) => call<TransactionView>('GET', ControlPaths.transaction(id)),
    deliveries: (transactionId?: string) =>
      call<DeliveryView[]>('GET', ControlPaths.deliveries + query({ transactionId })),
    resend: (id: string) => call<DeliveryView>('POST', ControlPaths.resend(id)),
    journal: (limit = 100, transactionId?: string) =>
      call<JournalEntry[]>('GET', ControlPaths.journal + query({ limit, transactionId })),
    customers: () => call<CustomerView[]>('GET', ControlPaths.customers),
    addCustomer: (body: CustomerUpsertBody) => call<CustomerView>('POST', ControlPaths.customers, body),
    patchCustomer: (msisdn: string, body: CustomerPatchBody) =>
      call<CustomerView>('PATCH', ControlPaths.customer(msisdn), body),
    messages: (msisdn: string) => call<SmsView[]>('GET', ControlPaths.messages(msisdn)),
    shortcodes: () => call<ShortcodeView[]>('GET', ControlPaths.shortcodes),
    stkAccept: (id: string, pin: string) =>
      call<TransactionView>('POST', ControlPaths.stkAccept(id), { pin }),
    stkDecline: (id: string) => call<TransactionView>('POST', ControlPaths.stkDecline(id)),
    stkTimeout: (id: string) => call<TransactionView>('POST', ControlPaths.stkTimeout(id)),
    settings: () => call<Settings>('GET', ControlPaths.settings),
    patchSettings: (patch: SettingsPatch) => call<Settings>('PATCH', ControlPaths.settings, patch),
    clock: () => call<ClockView>('GET', ControlPaths.clock),
    advanceClock: (ms: number) => call<ClockView | undefined>('POST', ControlPaths.clockAdvance, { ms }),
    runAll: () => call<ClockView | undefined>('POST', ControlPaths.clockRunAll),
    c2bPay: (body: C2bPaymentBody) => call<TransactionView>('POST', C2bPaths.payments, body),
    c2bRegistrations: () => call<C2bRegistrationView[]>('GET', C2bPaths.registrations),
    faults: () => call<FaultRuleView[]>('GET', FaultControlPaths.faults),
    /** Adds one rule; a rule the emulator cannot use is refused with 400 naming the field. */
    addFault: (rule: FaultRuleInput) => call<FaultRuleView>('POST', FaultControlPaths.faults, rule),
    deleteFault: (id: string) => call<undefined>('DELETE', FaultControlPaths.fault(id)),
    clearFaults: () => call<undefined>('DELETE', FaultControlPaths.faults),
    magic: () => call<{ enabled: boolean; phones: MagicPhone[] }>('GET', FaultControlPaths.magic),
  };
}

export type ControlApi = ReturnType<typeof createControlApi>;

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
