import type {
  ClockView,
  CustomerView,
  ShortcodeView,
  SmsView,
  TransactionView,
} from 'daraja-client/emulator';

/** 2026-01-01 12:00:00 EAT, the manual clock's usual start. */
export const T0 = Date.UTC(2026, 0, 1, 9, 0, 0);

export const john: CustomerView = {
  msisdn: '254708374149',
  name: 'John Doe',
  pin: '****',
  balance: 50_000,
  offline: false,
};

export const jane: CustomerView = {
  msisdn: '254712345678',
  name: 'Jane Wanjiku',
  pin: '****',
  balance: 20_000,
  offline: false,
};

export const sandbox: ShortcodeView = {
  shortcode: '174379',
  kind: 'paybill',
  name: 'DARAJA SANDBOX',
  hasPasskey: true,
  externalValidation: false,
  accounts: { 'Utility Account': 0 },
};

export const manualClock: ClockView = { kind: 'manual', now: T0, pending: [] };

export function stkPrompt(overrides: Partial<TransactionView> = {}): TransactionView {
  return {
    id: 'ws_CO_01012026120000001',
    type: 'stk',
    status: 'pending',
    createdAt: T0,
    updatedAt: T0,
    shortcode: '174379',
    phone: john.msisdn,
    amount: 1,
    accountReference: 'INV-42',
    description: 'Test',
    expiresAt: T0 + 60_000,
    callbackUrl: 'http://127.0.0.1:9/callback',
    request: { BusinessShortCode: '174379', Amount: 1 },
    response: { ResponseCode: '0' },
    deliveries: [],
    ...overrides,
  };
}

export function sms(overrides: Partial<SmsView> = {}): SmsView {
  return {
    id: 'sms-1',
    msisdn: john.msisdn,
    at: T0 + 5_000,
    text: 'TLK1ABCDEF Confirmed. Ksh1.00 sent to DARAJA SANDBOX for account INV-42. New M-PESA balance is Ksh49,999.00.',
    ...overrides,
  };
}
