import { fireEvent, screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import type { TransactionView } from 'daraja-client/emulator';
import { fakeServer } from '../test/fake-server';
import { john, manualClock, sandbox, T0 } from '../test/fixtures';
import { renderWithWorld } from '../test/render-app';
import { PhonesPanel } from '../phone/phones-panel';
import { ShownPhonesProvider } from '../phone/shown-phones';
import { QrCodeCard } from './qr-code-card';
import { ScanRequestsProvider } from './qr-scan-requests';

const till = { ...sandbox, shortcode: '373132', kind: 'till' as const, name: 'TEST SUPERMARKET' };
const code: TransactionView = {
  id: 'QR_1',
  type: 'dynamic-qr',
  status: 'completed',
  createdAt: T0,
  updatedAt: T0,
  shortcode: '373132',
  amount: 75,
  accountReference: 'Invoice 7',
  description: 'TEST SUPERMARKET',
  request: {},
  response: { ResponseCode: '00', ResponseDescription: 'ok', QRCode: 'iVBORw0KGgo=' },
  deliveries: [],
};

test('clicking a QR code on the dashboard opens the payment on the chosen phone, filled in from the code', async () => {
  const { api } = fakeServer({
    'GET /_emulator/customers': () => [john],
    'GET /_emulator/shortcodes': () => [sandbox, till],
    'GET /_emulator/clock': () => manualClock,
    'GET /_emulator/transactions': () => [],
    'GET /_emulator/customers/254708374149/messages': () => [],
  });
  renderWithWorld(
    <ShownPhonesProvider>
      <ScanRequestsProvider>
        <QrCodeCard transaction={code} decode={async () => 'BG|373132|75|Invoice 7'} />
        <PhonesPanel />
      </ScanRequestsProvider>
    </ShownPhonesProvider>,
    api,
  );
  const phone = within(await screen.findByRole('article', { name: /Phone of John Doe/ }));
  await phone.findByText('No messages yet.');
  fireEvent.click(screen.getByRole('button', { name: 'Scan QR code: Ksh 75 to TEST SUPERMARKET' }));
  const form = await phone.findByRole('form', { name: 'Buy Goods and Services' });
  expect(form.textContent).toContain('Scanned QR code: TEST SUPERMARKET, Ksh 75, reference Invoice 7');
  expect(within(form).getByLabelText<HTMLInputElement>('Till no.').value).toBe('373132');
  expect(within(form).getByLabelText<HTMLInputElement>('Amount').value).toBe('75');
});
