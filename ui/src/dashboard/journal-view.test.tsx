import { fireEvent, screen, waitFor } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeServer } from '../test/fake-server';
import { manualClock, T0 } from '../test/fixtures';
import { journalEntry } from '../test/records';
import { renderWithWorld } from '../test/render-app';
import { JournalView } from './journal-view';

const rejected = journalEntry({
  id: 'j-2',
  at: T0 + 1,
  status: 400,
  responseBody: { errorCode: '400.002.02', errorMessage: 'Bad Request - Invalid BusinessShortCode' },
  explanation: ['BusinessShortCode 999 is not a shortcode this emulator knows.'],
});

test('shows each request newest first, with the plain-English reason for a rejection', async () => {
  const { api } = fakeServer({
    'GET /_emulator/customers': () => [],
    'GET /_emulator/shortcodes': () => [],
    'GET /_emulator/clock': () => manualClock,
    'GET /_emulator/journal': (call) =>
      call.query.get('rejected') === 'true' ? [rejected] : [rejected, journalEntry()],
  });
  const { live } = renderWithWorld(<JournalView />, api);
  expect(
    await screen.findByText('BusinessShortCode 999 is not a shortcode this emulator knows.'),
  ).toBeTruthy();
  expect(screen.getAllByText('/mpesa/stkpush/v1/processrequest')).toHaveLength(2);

  live.emit({ type: 'journal', entry: journalEntry({ id: 'j-3', at: T0 + 2, path: '/oauth/v1/generate' }) });
  const rows = () => screen.getAllByRole('button', { expanded: false });
  expect(rows()).toHaveLength(3);

  // The filter goes to the emulator, which holds every request, not only those on screen.
  fireEvent.click(screen.getByLabelText('Rejections only'));
  await waitFor(() => expect(rows()).toHaveLength(1));
  fireEvent.click(rows()[0] as HTMLElement);
  expect(screen.getByLabelText('Response body').textContent).toContain('Invalid BusinessShortCode');
});
