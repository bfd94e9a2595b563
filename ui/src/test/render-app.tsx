import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { ControlApi } from '../api/control-api';
import { ApiContext } from '../api/use-api';
import { LiveContext } from '../live/use-live';
import { ShownPhonesProvider } from '../phone/shown-phones';
import { WorldProvider } from '../world/world-provider';
import { FakeLive } from './fake-live';

/** Renders a component the way main.tsx does, with a fake live feed the test can drive. */
export function renderWithWorld(ui: ReactNode, api: ControlApi) {
  const live = new FakeLive();
  const result = render(
    <ApiContext.Provider value={api}>
      <LiveContext.Provider value={live}>
        <WorldProvider>
          <ShownPhonesProvider>{ui}</ShownPhonesProvider>
        </WorldProvider>
      </LiveContext.Provider>
    </ApiContext.Provider>,
  );
  return { ...result, live };
}
