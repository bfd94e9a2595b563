import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import type { TransactionView } from 'daraja-client/emulator';
import { fakeServer } from '../test/fake-server';
import { john, manualClock, sandbox, T0 } from '../test/fixtures';
import { renderWithWorld } from '../test/render-app';
import { PhonesPanel } from './phones-panel';

const till = { ...sandbox, shortcode: '373132', kind: 'till' as const, name: 'TEST SUPERMARKET' };

function checkout(overrides: Partial<TransactionView> = {}): TransactionView {
  return {
    id: 'AG_20260101_0123456789abcdef0123',
    type: 'b2b-express-checkout',
    status: 'pending',
    createdAt: T0,
    updatedAt: T0,
    shortcode: '373132',
    partyB: '600000',
    phone: john.msisdn,
    amount: 100,
    accountReference: 'INV-2231',
    description: 'Vendor Supplies',
    expiresAt: T0 + 60_000,
    request: {},
    response: { code: '0', status: 'USSD Initiated Successfully' },
    deliveries: [],
    ...overrides,
  };
}

function world(extra: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    'GET /_emulator/customers': () => [john],
    'GET /_emulator/shortcodes': () => [sandbox, till],
    'GET /_emulator/clock': () => manualClock,
    'GET /_emulator/transactions': () => [],
    'GET /_emulator/customers/254708374149/messages': () => [],
    ...extra,
  });
}

async function johnsPhone() {
  const phone = within(await screen.findByRole('article', { name: /Phone of John Doe/ }));
  await phone.findByText('No messages yet.');
  return phone;
}

test("a vendor's Express Checkout push rings the till operator's phone with the till, the vendor and the reference", async () => {
  const { api } = world();
  const { live } = renderWithWorld(<PhonesPanel />, api);
  const phone = await johnsPhone();
  live.emit({ type: 'transaction', transaction: checkout() });
  const prompt = await phone.findByRole('dialog');
  expect(prompt.textContent).toContain(
    'Pay Ksh 100 from till TEST SUPERMARKET to Vendor Supplies for payment reference INV-2231? Enter operator PIN',
  );
  expect(within(prompt).getByLabelText('Operator PIN')).toBeTruthy();
});

test('the operator confirms with the PIN through the Express Checkout control route, and the phone says it paid', async () => {
  const { api, calls } = world({
    'POST /_emulator/express-checkout/AG_20260101_0123456789abcdef0123/accept': () =>
      checkout({
        status: 'completed',
        resultCode: '0',
        resultDesc: 'The service request is processed successfully.',
      }),
  });
  const { live } = renderWithWorld(<PhonesPanel />, api);
  const phone = await johnsPhone();
  live.emit({ type: 'transaction', transaction: checkout() });
  fireEvent.change(await phone.findByLabelText('Operator PIN'), { target: { value: '1234' } });
  fireEvent.click(phone.getByRole('button', { name: 'OK' }));
  await waitFor(() => expect(phone.queryByRole('dialog')).toBeNull());
  expect(calls.find((c) => c.path.endsWith('/accept'))?.body).toEqual({ pin: '1234' });
  expect(phone.getByText('Paid Ksh 100 to Vendor Supplies.')).toBeTruthy();
});

test('Cancel declines the push, and the phone reports the 4001 the vendor is sent', async () => {
  const { api, calls } = world({
    'POST /_emulator/express-checkout/AG_20260101_0123456789abcdef0123/decline': () =>
      checkout({ status: 'failed', resultCode: '4001', resultDesc: 'User cancelled transaction' }),
  });
  const { live } = renderWithWorld(<PhonesPanel />, api);
  const phone = await johnsPhone();
  live.emit({ type: 'transaction', transaction: checkout() });
  fireEvent.click(await phone.findByRole('button', { name: 'Cancel' }));
  expect(await phone.findByText('Not paid: User cancelled transaction (result 4001)')).toBeTruthy();
  expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/decline'))).toBe(true);
});
