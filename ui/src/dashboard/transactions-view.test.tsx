import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeServer } from '../test/fake-server';
import { john, manualClock, sandbox, stkPrompt, T0 } from '../test/fixtures';
import { renderWithWorld } from '../test/render-app';
import { TransactionsView } from './transactions-view';

const older = stkPrompt({ id: 'ws_CO_old', createdAt: T0 - 60_000, status: 'completed', resultDesc: 'Done' });
const newer = stkPrompt({ id: 'ws_CO_new', createdAt: T0 });

function server() {
  return fakeServer({
    'GET /_emulator/customers': () => [john],
    'GET /_emulator/shortcodes': () => [sandbox],
    'GET /_emulator/clock': () => manualClock,
    'GET /_emulator/transactions': (call) =>
      [newer, older].filter((t) => !call.query.get('status') || t.status === call.query.get('status')),
  });
}

const rows = () =>
  within(screen.getByRole('table', { name: 'Transactions, newest first' }))
    .getAllByRole('link')
    .map((a) => a.getAttribute('href'));

test('lists transactions newest first, each linking to its story', async () => {
  renderWithWorld(<TransactionsView />, server().api);
  await screen.findAllByRole('link');
  expect(rows()).toEqual(['#/transactions/ws_CO_new', '#/transactions/ws_CO_old']);
});

test('filters go to the emulator, and live events join only the lists they match', async () => {
  const { api, calls } = server();
  const { live } = renderWithWorld(<TransactionsView />, api);
  await screen.findAllByRole('link');
  fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'pending' } });
  await waitFor(() => expect(rows()).toEqual(['#/transactions/ws_CO_new']));
  expect(calls.at(-1)?.query.get('status')).toBe('pending');

  live.emit({ type: 'transaction', transaction: stkPrompt({ id: 'ws_CO_live', createdAt: T0 + 1 }) });
  live.emit({
    type: 'transaction',
    transaction: stkPrompt({ id: 'ws_CO_done', createdAt: T0 + 2, status: 'failed' }),
  });
  expect(rows()).toEqual(['#/transactions/ws_CO_live', '#/transactions/ws_CO_new']);

  // A pending transaction that completes leaves the "pending" list.
  live.emit({ type: 'transaction', transaction: { ...newer, status: 'completed' } });
  expect(rows()).toEqual(['#/transactions/ws_CO_live']);
});

test('every filter is labelled', async () => {
  renderWithWorld(<TransactionsView />, server().api);
  for (const name of ['Phone', 'Shortcode', 'Type', 'Status'])
    expect(screen.getByLabelText(name)).toBeTruthy();
  await screen.findAllByRole('link');
});

test('shows a B2B payment with its payer and receiver, and offers B2B and tax as types', async () => {
  const b2b = {
    ...stkPrompt({ id: 'AG_20260101_b2b', createdAt: T0 + 5, status: 'completed' }),
    type: 'b2b' as const,
    shortcode: '600984',
    partyB: '600000',
  };
  renderWithWorld(<TransactionsView />, server().api).live.emit({ type: 'transaction', transaction: b2b });
  expect(await screen.findByText('600984 → 600000')).toBeTruthy();
  const types = within(screen.getByLabelText('Type'))
    .getAllByRole('option')
    .map((o) => o.textContent);
  expect(types).toEqual(expect.arrayContaining(['b2b', 'tax-remittance']));
});
