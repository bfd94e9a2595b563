import { fireEvent, screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeServer, reply } from '../test/fake-server';
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

test('the validation switch moves on the click and goes back when the emulator refuses the change', async () => {
  let refuse = false;
  const { api } = fakeServer({
    ...base,
    'GET /_emulator/c2b/registrations': () => [],
    'PUT /_emulator/c2b/shortcodes/174379/validation': () =>
      refuse ? reply(409, { error: 'not now' }) : { shortcode: '174379', externalValidation: true },
  });
  const { live } = renderWithWorld(<BusinessesView />, api);
  const card = within(await screen.findByRole('article', { name: 'DARAJA SANDBOX 174379' }));
  fireEvent.click(card.getByLabelText('External validation off'));
  // Before any event from the emulator, the switch already shows what was asked for.
  expect((card.getByLabelText('External validation on') as HTMLInputElement).checked).toBe(true);
  live.emit({ type: 'shortcode', shortcode: { ...sandbox, externalValidation: true } });
  expect(await card.findByLabelText('External validation on')).toBeTruthy();
  live.emit({ type: 'shortcode', shortcode: { ...sandbox, externalValidation: false } });
  expect(await card.findByLabelText('External validation off')).toBeTruthy();

  refuse = true;
  fireEvent.click(card.getByLabelText('External validation off'));
  expect(await card.findByRole('alert')).toBeTruthy();
  expect((card.getByLabelText('External validation off') as HTMLInputElement).checked).toBe(false);
});
