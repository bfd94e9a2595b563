import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where the UI reads the control API's types: the client's source, so the UI never waits for a client build. */
export const emulatorTypes = fileURLToPath(new URL('../client/src/emulator/index.ts', import.meta.url));

// The emulator serves dist/ at `/` (or under any prefix), so every asset URL is relative.
export default defineConfig({
  base: './',
  plugins: [react()],
  resolve: {
    alias: [{ find: /^daraja-client\/emulator$/, replacement: emulatorTypes }],
  },
  server: {
    // `npm run dev -w ui` against an emulator already running on :7379 (its default port).
    proxy: {
      '/_emulator': {
        target: 'http://127.0.0.1:7379',
        ws: true,
        // The emulator refuses live sockets from foreign origins; through the proxy the page is its own.
        configure: (proxy) => {
          proxy.on('proxyReqWs', (request) => request.setHeader('origin', 'http://127.0.0.1:7379'));
        },
      },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
});
