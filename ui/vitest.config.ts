import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { emulatorTypes } from './vite.config.ts';

// Component tests only; the root config runs client, emulator and e2e tests in node.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    alias: [{ find: /^daraja-client\/emulator$/, replacement: emulatorTypes }],
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    // As in the root config: a test of the whole settings form queries a large document by role, which takes
    // seconds on a loaded two-core machine; the limit is for hangs, not for speed.
    testTimeout: 20000,
    // One jsdom for all files of a worker instead of one per file: src/test/setup.ts empties the document,
    // storage and hash after every test, so files do not see each other.
    isolate: false,
  },
});
