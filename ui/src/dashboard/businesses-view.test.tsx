import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeServer } from '../test/fake-server';
import { manualClock, sandbox } from '../test/fixtures';
import { renderWithWorld } from '../test/render-app';
import { BusinessesView } from './businesses-view';

const base = {
  'GET /_emulator/customers': () => [],
  'GET /_emulator/shortcodes': () => [sandbox],
  'GET /_emulator/clock': () => manualClock,
};

test('shows each shortcode’s balances and registered C2B URLs, live', async () => {
  const { api } = fakeServer({
    ...base,
    'GET /_emulator/c2b/registrations': () => [
      {
        shortcode: '174379',
        responseType: 'Completed',
        confirmationUrl: 'https://shop.test/confirm',
        validationUrl: 'https://shop.test/validate',
        version: 'v2',
        registeredAt: 0,
      },
    ],
  });
  const { live } = renderWithWorld(<BusinessesView />, api);
  const card = within(await screen.findByRole('article', { name: 'DARAJA SANDBOX 174379' }));
  expect(await card.findByText('https://shop.test/confirm')).toBeTruthy();
  expect(card.getByText('Ksh 0.00')).toBeTruthy();
  live.emit({ type: 'shortcode', shortcode: { ...sandbox, accounts: { 'Utility Account': 1 } } });
  expect(card.getByText('Ksh 1.00')).toBeTruthy();
});

test('says so when the emulator cannot list C2B registrations', async () => {
  const { api } = fakeServer(base);
  renderWithWorld(<BusinessesView />, api);
  expect(await screen.findByText(/does not report C2B registrations/)).toBeTruthy();
});

test('shows the charges M-Pesa collected, refreshed when a transaction changes', async () => {
  let balance = 5;
  const { api } = fakeServer({
    ...base,
    'GET /_emulator/c2b/registrations': () => [],
    'GET /_emulator/operator': () => ({ name: 'M-PESA charges (operator)', balance }),
  });
  const { live } = renderWithWorld(<BusinessesView />, api);
  const card = within(await screen.findByRole('article', { name: 'M-PESA charges (operator)' }));
  expect(await card.findByText('Ksh 5.00')).toBeTruthy();
  balance = 14;
  live.emit({ type: 'transaction', transaction: { id: 't', type: 'b2c' } as never });
  expect(await card.findByText('Ksh 14.00')).toBeTruthy();
});
