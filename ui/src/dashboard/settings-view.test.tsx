import { defaultSettings, type Settings, type SettingsPatch } from 'daraja-client/emulator';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeServer, reply } from '../test/fake-server';
import { john, manualClock } from '../test/fixtures';
import { renderWithWorld } from '../test/render-app';
import { SettingsView } from './settings-view';

const settings = defaultSettings();

function server() {
  return fakeServer({
    'GET /_emulator/customers': () => [john],
    'GET /_emulator/shortcodes': () => [],
    'GET /_emulator/clock': () => manualClock,
    'GET /_emulator/settings': () => settings,
    'PATCH /_emulator/settings': (call) =>
      (call.body as SettingsPatch).callbacks?.timeoutMs === 500_000
        ? reply(400, {
            error: { code: 'invalid_settings', message: 'callbacks.timeoutMs must be at most 120000.' },
          })
        : { ...settings, ...(call.body as object) },
    'POST /_emulator/clock/advance': () => ({ ...manualClock, now: manualClock.now + 30_000 }),
    'POST /_emulator/clock/run-all': () => manualClock,
  });
}

test('changes the default outcome, timings, per-phone answers and query mode in one PATCH', async () => {
  const { api, calls } = server();
  renderWithWorld(<SettingsView />, api);
  fireEvent.change(await screen.findByLabelText('When a prompt arrives'), { target: { value: 'accept' } });
  fireEvent.change(screen.getByLabelText(/PIN timeout/), { target: { value: '15000' } });
  fireEvent.change(screen.getByLabelText(/Delay before the callback/), { target: { value: '250' } });
  fireEvent.change(screen.getByLabelText('STK query while pending'), { target: { value: 'legacy' } });
  fireEvent.change(screen.getByLabelText('Answer'), { target: { value: 'decline' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add' }));
  fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
  await screen.findByText('Saved.');
  const patch = calls.find((c) => c.method === 'PATCH')?.body as Settings;
  expect(patch.stk).toMatchObject({
    defaultOutcome: 'accept',
    pinTimeoutMs: 15_000,
    callbackDelayMs: 250,
    queryPending: 'legacy',
    phoneOutcomes: { '254708374149': 'decline' },
  });
});

test('the newer sections save with the rest in one PATCH that leaves untouched sections out', async () => {
  const { api, calls } = server();
  renderWithWorld(<SettingsView />, api);
  fireEvent.click(await screen.findByLabelText('Magic phone numbers decide STK outcomes'));
  fireEvent.change(screen.getByLabelText('Requests per second'), { target: { value: '5' } });
  fireEvent.change(screen.getByLabelText('Limit algorithm'), { target: { value: 'smooth' } });
  fireEvent.change(screen.getByLabelText('Registering URLs again'), { target: { value: 'reject' } });
  fireEvent.change(screen.getByLabelText('STK-only shortcodes'), { target: { value: '174379, 600000' } });
  fireEvent.change(screen.getByLabelText('SecurityCredential check'), { target: { value: 'strict' } });
  fireEvent.change(screen.getByLabelText(/Charge per payment/), { target: { value: '12.5' } });
  fireEvent.change(screen.getByLabelText('Allowed callback hosts'), { target: { value: 'shop.test, ' } });
  const forced = within(screen.getByRole('group', { name: 'Forced outcomes' }));
  fireEvent.change(forced.getByLabelText('API'), { target: { value: 'reversal' } });
  fireEvent.change(forced.getByLabelText('Shortcode (optional)'), { target: { value: '600984' } });
  fireEvent.change(forced.getByLabelText('Outcome'), { target: { value: 'code' } });
  fireEvent.change(forced.getByLabelText('Result code'), { target: { value: 'R000001' } });
  fireEvent.click(forced.getByRole('button', { name: 'Add outcome' }));
  fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
  await screen.findByText('Saved.');
  const patches = calls.filter((c) => c.method === 'PATCH');
  expect(patches).toHaveLength(1);
  const patch = patches[0]?.body as SettingsPatch;
  expect(Object.keys(patch).sort()).toEqual([
    'b2c',
    'c2b',
    'callbacks',
    'initiator',
    'magic',
    'rateLimit',
    'security',
  ]);
  expect(patch.magic).toEqual({ enabled: false });
  expect(patch.rateLimit).toMatchObject({ tps: 5, algorithm: 'smooth', scope: 'app', status: 500 });
  expect(patch.c2b).toMatchObject({ reRegistration: 'reject', stkOnlyShortcodes: ['174379', '600000'] });
  expect(patch.security?.credentialCheck).toBe('strict');
  expect(patch.b2c?.chargeKsh).toBe(12.5);
  expect(patch.callbacks?.allowHosts).toEqual(['shop.test']);
  expect(patch.initiator?.outcomes).toEqual({ 'reversal:600984': 'R000001' });
});

test('a refused save shows the emulator’s reason and keeps the edits', async () => {
  const { api } = server();
  renderWithWorld(<SettingsView />, api);
  fireEvent.change(await screen.findByLabelText(/Request timeout/), { target: { value: '500000' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
  expect((await screen.findByRole('status')).textContent).toContain(
    'callbacks.timeoutMs must be at most 120000.',
  );
  expect((screen.getByLabelText(/Request timeout/) as HTMLInputElement).value).toBe('500000');
  expect((screen.getByRole('button', { name: 'Save settings' }) as HTMLButtonElement).disabled).toBe(false);
});

test('with a manual clock, advances it by the given seconds and runs everything due', async () => {
  const { api, calls } = server();
  renderWithWorld(<SettingsView />, api);
  fireEvent.change(await screen.findByLabelText('Advance by (seconds)'), { target: { value: '30' } });
  fireEvent.click(screen.getByRole('button', { name: 'Advance' }));
  await waitFor(() => expect(screen.getByText(/01 Jan, 12:00:30/)).toBeTruthy());
  expect(calls.find((c) => c.path === '/_emulator/clock/advance')?.body).toEqual({ ms: 30_000 });
  fireEvent.click(screen.getByRole('button', { name: 'Run all' }));
  await waitFor(() => expect(calls.some((c) => c.path === '/_emulator/clock/run-all')).toBe(true));
});

test('with the system clock there is nothing to advance', async () => {
  const { api } = server();
  const { live } = renderWithWorld(<SettingsView />, api);
  await screen.findByLabelText('Advance by (seconds)');
  live.emit({ type: 'hello', at: 0, clock: { kind: 'system', now: 0, pending: [] } });
  expect(screen.getByText(/System clock/)).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Advance' })).toBeNull();
});
