import type { CallbackVariantView, ConformanceResult } from 'daraja-client/emulator';
import { fireEvent, screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeServer } from '../test/fake-server';
import { john, manualClock } from '../test/fixtures';
import { renderWithWorld } from '../test/render-app';
import { ConformanceView } from './conformance-view';

const lost: CallbackVariantView = {
  name: 'stk-callback-lost',
  family: 'stk',
  description: 'The customer pays, but the callback never arrives.',
  evidence: 'Daraja makes one delivery attempt.',
  expect: { outcome: 'success', summary: 'Reconciles by query and marks the payment paid.' },
  needs: ['reconcile'],
};

const result = (over: Partial<ConformanceResult>): ConformanceResult => ({
  runId: 'run-1',
  variant: 'stk-duplicate-callback',
  family: 'stk',
  expect: { outcome: 'success', summary: 'Marks the payment paid once.' },
  values: { AccountReference: 'CF1' },
  callbacks: [
    {
      deliveryId: 'd1',
      kind: 'stk-callback',
      url: 'http://127.0.0.1:3000/hooks/stk',
      body: { Body: { stkCallback: { ResultCode: 0 } } },
      status: 'delivered',
      answers: [{ status: 500, body: '{"error":"boom"}', latencyMs: 12 }],
    },
  ],
  probe: 'probe: fulfilled is 2, expected "1"',
  verdict: 'fail',
  reasons: ['probe: fulfilled is 2, expected "1"'],
  at: 1,
  ...over,
});

function server() {
  return fakeServer({
    'GET /_emulator/customers': () => [john],
    'GET /_emulator/shortcodes': () => [],
    'GET /_emulator/clock': () => manualClock,
    'GET /_emulator/conformance/results': () => [],
    'GET /_emulator/conformance/variants': () => [lost],
    'POST /_emulator/conformance/fire': () =>
      result({
        runId: 'fire-1',
        variant: 'stk-callback-lost',
        verdict: 'pass',
        reasons: [],
        probe: undefined,
        at: 2,
      }),
  });
}

test('shows each variant of a run as it finishes: what was sent, what the app answered and the verdict', async () => {
  const { api } = server();
  const { live } = renderWithWorld(<ConformanceView />, api);
  await screen.findByText(/No results yet/);
  live.emit({ type: 'conformance', result: result({}) });
  const card = within(await screen.findByRole('article', { name: 'Conformance stk-duplicate-callback' }));
  expect(card.getByText('Fail')).toBeTruthy();
  expect(card.getByText('stk-callback to http://127.0.0.1:3000/hooks/stk')).toBeTruthy();
  expect(card.getByText('app answered 500 {"error":"boom"} in 12 ms')).toBeTruthy();
  expect(
    within(card.getByRole('list', { name: 'Reasons' })).getByText('probe: fulfilled is 2, expected "1"'),
  ).toBeTruthy();
  expect(screen.getByLabelText('Summary').textContent).toBe('1 results, 0 passed, 1 not.');
});

test('fires a chosen variant at a URL typed by hand and lists its result', async () => {
  const { api, calls } = server();
  renderWithWorld(<ConformanceView />, api);
  const form = within(await screen.findByRole('form', { name: 'Fire a variant' }));
  await form.findByText(/The customer pays, but the callback never arrives/);
  fireEvent.change(form.getByLabelText('Callback URL'), {
    target: { value: 'http://127.0.0.1:4100/hooks/stk' },
  });
  fireEvent.click(form.getByRole('button', { name: 'Fire' }));
  await screen.findByRole('article', { name: 'Conformance stk-callback-lost' });
  expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
    variant: 'stk-callback-lost',
    url: 'http://127.0.0.1:4100/hooks/stk',
  });
  expect(form.getByRole('status').textContent).toBe('Fired stk-callback-lost.');
});
