import type { Settings } from 'daraja-client/emulator';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeServer } from '../test/fake-server';
import { john, manualClock } from '../test/fixtures';
import { renderWithWorld } from '../test/render-app';
import { SettingsView } from './settings-view';

const settings = {
  stk: {
    defaultOutcome: 'wait',
    phoneOutcomes: {},
    pinTimeoutMs: 60_000,
    decisionDelayMs: 0,
    callbackDelayMs: 0,
    queryPending: 'current',
  },
  callbacks: { retries: 0, retryDelayMs: 5_000, timeoutMs: 10_000 },
} as unknown as Settings;

function server() {
  return fakeServer({
    'GET /_emulator/customers': () => [john],
    'GET /_emulator/shortcodes': () => [],
    'GET /_emulator/clock': () => manualClock,
    'GET /_emulator/settings': () => settings,
    'PATCH /_emulator/settings': (call) => ({ ...settings, ...(call.body as object) }),
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
