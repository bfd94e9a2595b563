import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createControlApi } from './api/control-api';
import { ApiContext } from './api/use-api';
import { App } from './app/app';
import { LiveSocket, liveUrlFor } from './live/live-socket';
import { LiveContext } from './live/use-live';
import './styles/base.css';
import './styles/shell.css';
import './styles/phone.css';
import './styles/dashboard.css';
import { WorldProvider } from './world/world-provider';

// An emulator started with an admin token is opened as `/?token=…`; the token then goes with every call.
const token = new URLSearchParams(location.search).get('token') ?? undefined;
const api = createControlApi({ token });
const live = new LiveSocket({ url: liveUrlFor(location, token) });
live.start();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ApiContext.Provider value={api}>
        <LiveContext.Provider value={live}>
          <WorldProvider>
            <App />
          </WorldProvider>
        </LiveContext.Provider>
      </ApiContext.Provider>
    </StrictMode>,
  );
}
