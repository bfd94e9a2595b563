import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { LiveContext } from '../live/use-live';
import { FakeLive } from '../test/fake-live';
import { LiveIndicator } from './live-indicator';

test('says whether live updates flow, and when the next attempt is while the emulator is away', () => {
  const live = new FakeLive();
  render(
    <LiveContext.Provider value={live}>
      <LiveIndicator />
    </LiveContext.Provider>,
  );
  expect(screen.getByRole('status').textContent).toBe('Live');
  live.setStatus({ state: 'closed', failures: 2, retryInMs: 500 });
  expect(screen.getByRole('status', { name: 'Live updates: Disconnected, retrying in 1 s' })).toBeTruthy();
  live.setStatus({ state: 'connecting', failures: 2 });
  expect(screen.getByRole('status').textContent).toBe('Connecting…');
});
