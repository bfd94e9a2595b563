import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeServer, reply } from '../test/fake-server';
import { manualClock, stkPrompt, T0 } from '../test/fixtures';
import { delivery, journalEntry } from '../test/records';
import { renderWithWorld } from '../test/render-app';
import { TransactionStory } from './transaction-story';

const id = 'ws_CO_01012026120000001';
const completed = stkPrompt({
  status: 'completed',
  receipt: 'TLK1ABCDEF',
  resultCode: 0,
  resultDesc: 'The service request is processed successfully.',
  decision: {
    at: T0 + 8_000,
    by: 'phone',
    resultCode: 0,
    resultDesc: 'The service request is processed successfully.',
  },
});

function server(
  failed = delivery({ status: 'failed', attempts: [{ at: T0, durationMs: 1500, error: 'ECONNREFUSED' }] }),
) {
  return fakeServer({
    'GET /_emulator/customers': () => [],
    'GET /_emulator/shortcodes': () => [],
    'GET /_emulator/clock': () => manualClock,
    [`GET /_emulator/transactions/${id}`]: () => completed,
    'GET /_emulator/deliveries': () => [failed],
    'GET /_emulator/journal': (call) =>
      call.query.get('transactionId') === id ? [journalEntry({ transactionId: id })] : [],
    'POST /_emulator/deliveries/dlv-1/resend': () =>
      delivery({ status: 'scheduled', attempts: failed.attempts }),
  });
}

test('tells the whole story: request, acknowledgement, decision and callback deliveries', async () => {
  const { api, calls } = server();
  renderWithWorld(<TransactionStory id={id} />, api);
  expect(await screen.findByText(/decided by/)).toBeTruthy();
  expect(screen.getByRole('heading', { name: /1\. Request/ })).toBeTruthy();
  expect(screen.getByLabelText('Request').textContent).toContain('"BusinessShortCode": "174379"');
  expect(screen.getByLabelText('Acknowledgement').textContent).toContain('"ResponseCode": "0"');
  expect(screen.getByText('TLK1ABCDEF')).toBeTruthy();
  const card = within(await screen.findByRole('article', { name: 'Delivery dlv-1' }));
  expect(card.getByText('ECONNREFUSED')).toBeTruthy();
  expect(card.getByText(/no answer in 1\.5 s/)).toBeTruthy();
  expect(calls.find((c) => c.path === '/_emulator/deliveries')?.query.get('transactionId')).toBe(id);
  const requests = within(screen.getByRole('list', { name: 'Requests about this transaction' }));
  expect(requests.getByText('/mpesa/stkpush/v1/processrequest')).toBeTruthy();
});

test('resend asks the emulator to deliver again and a live event brings the new attempt', async () => {
  const { api, calls } = server();
  const { live } = renderWithWorld(<TransactionStory id={id} />, api);
  const card = within(await screen.findByRole('article', { name: 'Delivery dlv-1' }));
  fireEvent.click(card.getByRole('button', { name: 'Resend' }));
  await waitFor(() => expect(card.getByText('scheduled')).toBeTruthy());
  expect(calls.some((c) => c.method === 'POST' && c.path === '/_emulator/deliveries/dlv-1/resend')).toBe(
    true,
  );

  live.emit({ type: 'delivery', delivery: delivery() });
  expect(card.getByText('delivered')).toBeTruthy();
  expect(card.getByText(/HTTP 200 in 42 ms/)).toBeTruthy();
  expect(card.getByLabelText('Response body').textContent).toContain('"ok": true');
});

test('a pending prompt is accepted from its story with the PIN; a refusal shows the emulator’s reason', async () => {
  const pending = stkPrompt();
  const { api, calls } = fakeServer({
    'GET /_emulator/customers': () => [],
    'GET /_emulator/shortcodes': () => [],
    'GET /_emulator/clock': () => manualClock,
    [`GET /_emulator/transactions/${id}`]: () => pending,
    'GET /_emulator/deliveries': () => [],
    'GET /_emulator/journal': () => [],
    [`POST /_emulator/stk/${id}/accept`]: (call) =>
      (call.body as { pin: string }).pin === '1234'
        ? completed
        : reply(400, { error: { code: 'wrong_pin', message: 'Wrong PIN.' } }),
  });
  renderWithWorld(<TransactionStory id={id} />, api);
  const prompt = within(await screen.findByRole('form', { name: 'Answer the prompt' }));
  fireEvent.change(prompt.getByLabelText('M-PESA PIN'), { target: { value: '9999' } });
  fireEvent.click(prompt.getByRole('button', { name: 'Accept' }));
  await prompt.findByText('Wrong PIN.');

  fireEvent.change(prompt.getByLabelText('M-PESA PIN'), { target: { value: '1234' } });
  fireEvent.click(prompt.getByRole('button', { name: 'Accept' }));
  expect(await screen.findByText(/decided by/)).toBeTruthy();
  expect(screen.queryByRole('form', { name: 'Answer the prompt' })).toBeNull();
  expect(calls.filter((c) => c.path === `/_emulator/stk/${id}/accept`).map((c) => c.body)).toEqual([
    { pin: '9999' },
    { pin: '1234' },
  ]);
});

test('timing out a prompt from its story needs no PIN', async () => {
  const { api, calls } = fakeServer({
    'GET /_emulator/customers': () => [],
    'GET /_emulator/shortcodes': () => [],
    'GET /_emulator/clock': () => manualClock,
    [`GET /_emulator/transactions/${id}`]: () => stkPrompt(),
    'GET /_emulator/deliveries': () => [],
    'GET /_emulator/journal': () => [],
    [`POST /_emulator/stk/${id}/timeout`]: () =>
      stkPrompt({
        status: 'failed',
        resultCode: 1037,
        decision: { at: T0 + 1, by: 'control', resultCode: 1037, resultDesc: 'No response from user.' },
      }),
  });
  renderWithWorld(<TransactionStory id={id} />, api);
  const prompt = within(await screen.findByRole('form', { name: 'Answer the prompt' }));
  fireEvent.click(prompt.getByRole('button', { name: 'Time out (1037)' }));
  expect(await screen.findByText(/No response from user/)).toBeTruthy();
  expect(calls.find((c) => c.method === 'POST')?.path).toBe(`/_emulator/stk/${id}/timeout`);
});
