import type { DeliveryView, JournalEntry } from 'daraja-client/emulator';
import { T0 } from './fixtures';

export function delivery(overrides: Partial<DeliveryView> = {}): DeliveryView {
  return {
    id: 'dlv-1',
    transactionId: 'ws_CO_01012026120000001',
    kind: 'stk-callback',
    url: 'http://127.0.0.1:9/callback',
    body: { Body: { stkCallback: { ResultCode: 0 } } },
    dueAt: T0 + 10_000,
    status: 'delivered',
    attempts: [{ at: T0 + 10_000, durationMs: 42, status: 200, responseBody: '{"ok":true}' }],
    ...overrides,
  };
}

export function journalEntry(overrides: Partial<JournalEntry> = {}): JournalEntry {
  return {
    id: 'j-1',
    at: T0,
    method: 'POST',
    path: '/mpesa/stkpush/v1/processrequest',
    api: 'stk-push',
    status: 200,
    requestBody: { BusinessShortCode: '174379' },
    responseBody: { ResponseCode: '0' },
    explanation: [],
    durationMs: 3,
    ...overrides,
  };
}
