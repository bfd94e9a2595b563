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
    // `npm run dev -w ui` against an emulator already running on :8080.
    proxy: { '/_emulator': { target: 'http://127.0.0.1:8080', ws: true } },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
});
