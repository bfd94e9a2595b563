import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { jane, john, manualClock, sandbox } from '../../test/fixtures';
import { renderWithWorld } from '../../test/render-app';
import { PhonesPanel } from '../phones-panel';
import { invoice, orderTransaction, standingOrder } from './ratiba-fixtures';

function world(routes: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    'GET /_emulator/customers': () => [jane, john],
    'GET /_emulator/shortcodes': () => [sandbox],
    'GET /_emulator/clock': () => manualClock,
    'GET /_emulator/transactions': () => [],
    'GET /_emulator/customers/254708374149/messages': () => [],
    ...routes,
  });
}

async function johnsPhone() {
  const phone = within(await screen.findByRole('article', { name: /Phone of John Doe/ }));
  await phone.findByText('No messages yet.');
  return phone;
}

test('a standing order request shows as the approval prompt, and OK approves it with the PIN', async () => {
  let orders = [standingOrder()];
  const { api, calls } = world({
    'GET /_emulator/ratiba/orders': () => orders,
    'POST /_emulator/ratiba/4dd9b5d9-d738-42ba-9326-2cc99e966000/accept': () => {
      orders = [standingOrder({ status: 'active', nextAt: Date.UTC(2026, 0, 5, 5) })];
      return orderTransaction({
        status: 'completed',
        resultCode: '0',
        resultDesc: 'Standing order created successfully',
      });
    },
  });
  renderWithWorld(<PhonesPanel />, api);
  // The prompt takes the screen as soon as the phone's orders are loaded.
  const phone = within(await screen.findByRole('article', { name: /Phone of John Doe/ }));
  const prompt = await phone.findByRole('dialog', { name: /Approve standing order Gym membership/ });
  fireEvent.change(within(prompt).getByLabelText('M-PESA PIN'), { target: { value: '1234' } });
  fireEvent.click(within(prompt).getByRole('button', { name: 'OK' }));
  await waitFor(() => expect(phone.queryByRole('dialog')).toBeNull());
  expect(calls.find((c) => c.path.endsWith('/accept'))?.body).toEqual({ pin: '1234' });
  expect(phone.getByText('Standing order approved: Ksh 500 to DARAJA SANDBOX.')).toBeTruthy();

  fireEvent.click(phone.getByRole('button', { name: 'M-PESA' }));
  fireEvent.click(phone.getByRole('button', { name: 'Standing orders (Ratiba)' }));
  const item = await phone.findByRole('listitem', { name: 'Standing order Gym membership' });
  expect(item.textContent).toContain('Active; paid 0 times');
});

test('My Bills lists the invoices owed and pays one as a Pay Bill payment with its account reference', async () => {
  const { api, calls } = world({
    'GET /_emulator/ratiba/orders': () => [],
    'GET /_emulator/bill-manager/invoices': () => [invoice()],
    'POST /_emulator/c2b/payments': () =>
      orderTransaction({ id: 'TLK1ABCDEF', type: 'c2b', status: 'completed', amount: 800 }),
  });
  renderWithWorld(<PhonesPanel />, api);
  const phone = await johnsPhone();
  fireEvent.click(phone.getByRole('button', { name: 'M-PESA' }));
  fireEvent.click(phone.getByRole('button', { name: 'My Bills' }));
  const bill = await phone.findByRole('listitem', { name: 'Bill INV-7' });
  expect(bill.textContent).toContain(
    'Water (January 2026), Ksh 800 due 2026-01-31, Paybill 174379 account W-77',
  );
  fireEvent.click(within(bill).getByRole('button', { name: 'Pay INV-7' }));
  const form = phone.getByRole('form', { name: 'Pay bill INV-7' });
  fireEvent.change(within(form).getByLabelText('M-PESA PIN'), { target: { value: '1234' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Send' }));
  await phone.findByText('Paid Ksh 800 to DARAJA SANDBOX for Water.');
  expect(calls.find((c) => c.path === '/_emulator/c2b/payments')?.body).toEqual({
    shortcode: '174379',
    msisdn: '254708374149',
    amount: 800,
    billRefNumber: 'W-77',
    pin: '1234',
  });
});
