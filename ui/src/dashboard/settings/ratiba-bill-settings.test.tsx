import { defaultSettings, type SettingsPatch } from 'daraja-client/emulator';
import { fireEvent, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { john, manualClock } from '../../test/fixtures';
import { renderWithWorld } from '../../test/render-app';
import { SettingsView } from '../settings-view';

test('switches Ratiba to the Dec 2025 frequency codes and changes the Bill Manager retries in one PATCH', async () => {
  const settings = defaultSettings();
  const { api, calls } = fakeServer({
    'GET /_emulator/customers': () => [john],
    'GET /_emulator/shortcodes': () => [],
    'GET /_emulator/clock': () => manualClock,
    'GET /_emulator/settings': () => settings,
    'PATCH /_emulator/settings': (call) => ({ ...settings, ...(call.body as object) }),
  });
  renderWithWorld(<SettingsView />, api);
  fireEvent.change(await screen.findByLabelText('Frequency codes'), { target: { value: 'dec-2025' } });
  fireEvent.change(screen.getByLabelText('Each debit notifies'), { target: { value: 'none' } });
  fireEvent.change(screen.getByLabelText(/Payment push retries/), { target: { value: '2' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
  await screen.findByText('Saved.');
  const patch = calls.find((c) => c.method === 'PATCH')?.body as SettingsPatch;
  expect(patch.ratiba).toMatchObject({ frequencyCodes: 'dec-2025', debitNotice: 'none' });
  expect(patch.billManager).toMatchObject({ paymentRetries: 2 });
});
