import { render, screen, waitFor } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ApiContext } from '../api/use-api';
import { fakeServer, reply } from '../test/fake-server';
import { HealthBanner } from './health-banner';

test('says why the emulator is not ready while it cannot save, and goes away once it can', async () => {
  let health: unknown = reply(503, { status: 'unhealthy', reason: 'cannot write data.json.log: ENOSPC' });
  const { api } = fakeServer({ 'GET /_emulator/health': () => health });
  render(
    <ApiContext.Provider value={api}>
      <HealthBanner pollMs={20} />
    </ApiContext.Provider>,
  );
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('cannot write data.json.log: ENOSPC');
  health = { status: 'ok' };
  await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
});
