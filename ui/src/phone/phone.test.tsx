import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeServer, reply } from '../test/fake-server';
import { jane, john, manualClock, sandbox, sms, stkPrompt, T0 } from '../test/fixtures';
import { renderWithWorld } from '../test/render-app';
import { PhonesPanel } from './phones-panel';

function world(extra: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    'GET /_emulator/customers': () => [jane, john],
    'GET /_emulator/shortcodes': () => [sandbox],
    'GET /_emulator/clock': () => manualClock,
    'GET /_emulator/transactions': () => [],
    'GET /_emulator/customers/254708374149/messages': () => [],
    ...extra,
  });
}

/** John's phone once its first loads are answered, so its live subscriptions are in place. */
async function johnsPhone() {
  const phone = within(await screen.findByRole('article', { name: /Phone of John Doe/ }));
  await phone.findByText('No messages yet.');
  return phone;
}

test('shows the sandbox test number first, with its balance and an empty inbox', async () => {
  const { api } = world();
  renderWithWorld(<PhonesPanel />, api);
  const phone = await johnsPhone();
  expect(phone.getByRole('status', { name: 'M-PESA balance' })).toHaveProperty(
    'textContent',
    'Ksh 50,000.00',
  );
  expect(phone.getByText('No messages yet.')).toBeTruthy();
  expect(screen.queryByRole('article', { name: /Jane/ })).toBeNull();
});

test('an STK push arrives live as the M-PESA prompt, with the countdown on the emulator clock', async () => {
  const { api } = world();
  const { live } = renderWithWorld(<PhonesPanel />, api);
  const phone = await johnsPhone();
  live.emit({ type: 'hello', at: T0 + 18_000, clock: { ...manualClock, now: T0 + 18_000 } });
  live.emit({ type: 'transaction', transaction: stkPrompt() });
  const prompt = await phone.findByRole('dialog');
  expect(prompt.textContent).toContain(
    'Do you want to pay Ksh 1 to DARAJA SANDBOX account no INV-42? Enter M-PESA PIN',
  );
  expect(within(prompt).getByText('Expires in 0:42')).toBeTruthy();
  live.emit({ type: 'clock', clock: { ...manualClock, now: T0 + 59_500 } });
  expect(within(prompt).getByText('Expires in 0:01')).toBeTruthy();
});

test('OK sends the typed PIN to the emulator, which decides; the outcome and the SMS then show on the phone', async () => {
  const { api, calls } = world({
    'POST /_emulator/stk/ws_CO_01012026120000001/accept': () =>
      stkPrompt({
        status: 'completed',
        resultCode: 0,
        resultDesc: 'The service request is processed successfully.',
      }),
  });
  const { live } = renderWithWorld(<PhonesPanel />, api);
  const phone = await johnsPhone();
  live.emit({ type: 'transaction', transaction: stkPrompt() });
  fireEvent.change(await phone.findByLabelText('M-PESA PIN'), { target: { value: '1234' } });
  fireEvent.click(phone.getByRole('button', { name: 'OK' }));
  await waitFor(() => expect(phone.queryByRole('dialog')).toBeNull());
  expect(calls.find((c) => c.path.endsWith('/accept'))?.body).toEqual({ pin: '1234' });
  expect(phone.getByText('Paid Ksh 1 to DARAJA SANDBOX.')).toBeTruthy();

  live.emit({ type: 'sms', sms: sms() });
  live.emit({ type: 'customer', customer: { ...john, balance: 49_999 } });
  expect(phone.getByText(/TLK1ABCDEF Confirmed/)).toBeTruthy();
  expect(phone.getByRole('status', { name: 'M-PESA balance' }).textContent).toBe('Ksh 49,999.00');
});

test('a wrong PIN shows the reason the emulator gives', async () => {
  const { api } = world({
    'POST /_emulator/stk/ws_CO_01012026120000001/accept': () =>
      stkPrompt({ status: 'failed', resultCode: 2001, resultDesc: 'The initiator information is invalid.' }),
  });
  const { live } = renderWithWorld(<PhonesPanel />, api);
  const phone = await johnsPhone();
  live.emit({ type: 'transaction', transaction: stkPrompt() });
  fireEvent.change(await phone.findByLabelText('M-PESA PIN'), { target: { value: '0000' } });
  fireEvent.click(phone.getByRole('button', { name: 'OK' }));
  expect(
    await phone.findByText('Not paid: The initiator information is invalid. (result 2001)'),
  ).toBeTruthy();
});

test('Cancel declines the prompt; a timeout decided by the emulator removes it too', async () => {
  const { api, calls } = world({
    'POST /_emulator/stk/ws_CO_01012026120000001/decline': () =>
      stkPrompt({ status: 'failed', resultCode: 1032, resultDesc: 'Request Cancelled by user.' }),
  });
  const { live } = renderWithWorld(<PhonesPanel />, api);
  const phone = await johnsPhone();
  live.emit({ type: 'transaction', transaction: stkPrompt() });
  fireEvent.click(await phone.findByRole('button', { name: 'Cancel' }));
  expect(await phone.findByText('Not paid: Request Cancelled by user. (result 1032)')).toBeTruthy();
  expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/decline'))).toBe(true);

  const second = stkPrompt({ id: 'ws_CO_2' });
  live.emit({ type: 'transaction', transaction: second });
  expect(await phone.findByRole('dialog')).toBeTruthy();
  live.emit({
    type: 'transaction',
    transaction: {
      ...second,
      status: 'failed',
      resultCode: 1037,
      resultDesc: 'DS timeout user cannot be reached.',
    },
  });
  expect(phone.queryByRole('dialog')).toBeNull();
  expect(phone.getByText('Not paid: DS timeout user cannot be reached. (result 1037)')).toBeTruthy();
});

test('prompts pending before the page opened are fetched, and fetched again after a reconnect', async () => {
  let pending = [stkPrompt()];
  const { api, calls } = world({ 'GET /_emulator/transactions': () => pending });
  const { live } = renderWithWorld(<PhonesPanel />, api);
  const phone = within(await screen.findByRole('article', { name: /Phone of John Doe/ }));
  expect(await phone.findByRole('dialog')).toBeTruthy();
  expect(
    calls.some(
      (c) =>
        c.path === '/_emulator/transactions' &&
        c.query.toString() === 'type=stk&status=pending&phone=254708374149',
    ),
  ).toBe(true);
  pending = [];
  live.emit({ type: 'hello', at: T0, clock: manualClock });
  await waitFor(() => expect(phone.queryByRole('dialog')).toBeNull());
});

test('the offline switch tells the emulator the phone is off the network', async () => {
  const { api, calls } = world({
    'PATCH /_emulator/customers/254708374149': () => ({ ...john, offline: true }),
  });
  renderWithWorld(<PhonesPanel />, api);
  const phone = await johnsPhone();
  const toggle = phone.getByRole('switch', { name: 'Offline' });
  expect(toggle.getAttribute('aria-checked')).toBe('false');
  fireEvent.click(toggle);
  await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
  expect(calls.at(-1)?.body).toEqual({ offline: true });
  expect(phone.getByText('No network')).toBeTruthy();
});

async function openPayBill(phone: Awaited<ReturnType<typeof johnsPhone>>) {
  fireEvent.click(phone.getByRole('button', { name: 'M-PESA' }));
  fireEvent.click(phone.getByRole('button', { name: 'Lipa na M-PESA' }));
  fireEvent.click(phone.getByRole('button', { name: 'Pay Bill' }));
  fireEvent.change(phone.getByLabelText('Business no.'), { target: { value: '600000' } });
  fireEvent.change(phone.getByLabelText('Account no.'), { target: { value: 'ACC-1' } });
  fireEvent.change(phone.getByLabelText('Amount'), { target: { value: '250' } });
  fireEvent.change(phone.getByLabelText('M-PESA PIN'), { target: { value: '1234' } });
  fireEvent.click(phone.getByRole('button', { name: 'Send' }));
}

test('Pay Bill runs the C2B flow and shows the business rejecting the payment', async () => {
  const { api, calls } = world({
    'POST /_emulator/c2b/payments': () =>
      stkPrompt({
        type: 'c2b',
        shortcode: '600000',
        amount: 250,
        status: 'failed',
        resultDesc: 'Invalid Account Number',
      }),
  });
  renderWithWorld(<PhonesPanel />, api);
  await openPayBill(await johnsPhone());
  expect(await screen.findByText('600000 did not accept the payment: Invalid Account Number')).toBeTruthy();
  expect(calls.at(-1)?.body).toEqual({
    shortcode: '600000',
    msisdn: '254708374149',
    amount: 250,
    billRefNumber: 'ACC-1',
    pin: '1234',
  });
});

test('Pay Bill explains when the emulator has no C2B payments', async () => {
  const { api } = world();
  renderWithWorld(<PhonesPanel />, api);
  await openPayBill(await johnsPhone());
  expect(await screen.findByText(/Paying from the phone is not available/)).toBeTruthy();
});

test('Pay Bill shows the emulator’s own message for other refusals', async () => {
  const { api } = world({
    'POST /_emulator/c2b/payments': () =>
      reply(400, { error: { code: 'invalid_pin', message: 'Wrong PIN.' } }),
  });
  renderWithWorld(<PhonesPanel />, api);
  await openPayBill(await johnsPhone());
  expect(await screen.findByText('Wrong PIN.')).toBeTruthy();
});

test('another phone can be added for an existing customer or a new one', async () => {
  const amina = { msisdn: '254110000001', name: 'Amina Hassan', pin: '****', balance: 100, offline: false };
  const { api, calls } = world({
    'POST /_emulator/customers': () => amina,
    'GET /_emulator/customers/254712345678/messages': () => [],
    'GET /_emulator/customers/254110000001/messages': () => [],
  });
  renderWithWorld(<PhonesPanel />, api);
  await johnsPhone();
  fireEvent.click(screen.getByText('Add a phone'));
  fireEvent.click(screen.getByRole('button', { name: 'Show phone' }));
  expect(await screen.findByRole('article', { name: /Phone of Jane Wanjiku/ })).toBeTruthy();

  const form = within(screen.getByRole('form', { name: 'New customer' }));
  fireEvent.change(form.getByLabelText('Phone number'), { target: { value: '0110 000 001' } });
  fireEvent.change(form.getByLabelText('Name'), { target: { value: 'Amina Hassan' } });
  fireEvent.change(form.getByLabelText('PIN'), { target: { value: '1111' } });
  fireEvent.change(form.getByLabelText('Balance (Ksh)'), { target: { value: '100' } });
  fireEvent.click(form.getByRole('button', { name: 'Add customer' }));
  expect(await screen.findByRole('article', { name: /Phone of Amina Hassan/ })).toBeTruthy();
  expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
    msisdn: '254110000001',
    name: 'Amina Hassan',
    pin: '1111',
    balance: 100,
  });
});

test('a payment waiting for the business’s validation shows its outcome when it arrives', async () => {
  const pending = stkPrompt({
    id: 'c2b-1',
    type: 'c2b',
    shortcode: '174379',
    amount: 250,
    status: 'pending',
  });
  const { api } = world({ 'POST /_emulator/c2b/payments': () => pending });
  const { live } = renderWithWorld(<PhonesPanel />, api);
  await openPayBill(await johnsPhone());
  expect(await screen.findByText(/waiting for DARAJA SANDBOX to accept/)).toBeTruthy();
  live.emit({ type: 'transaction', transaction: { ...pending, status: 'completed', receipt: 'TLK2XYZ' } });
  expect(await screen.findByText('TLK2XYZ confirmed. Ksh 250 paid to DARAJA SANDBOX.')).toBeTruthy();
});

test('Swap SIM swaps the phone’s SIM through the control API and says when', async () => {
  const { api, calls } = world({
    'POST /_emulator/sims/254708374149/swap': () => ({
      msisdn: '254708374149',
      registeredAt: T0 - 730 * 86_400_000,
      lastSwapAt: T0,
      swaps: 1,
      imsi: '9233817055099406',
    }),
  });
  renderWithWorld(<PhonesPanel />, api);
  const phone = await johnsPhone();
  fireEvent.click(phone.getByRole('button', { name: 'Swap SIM' }));
  expect(await phone.findByText(/^SIM swapped /)).toBeTruthy();
  expect(calls.map((c) => `${c.method} ${c.path}`)).toContain('POST /_emulator/sims/254708374149/swap');
});
