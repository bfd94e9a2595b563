import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^daraja-client\/wire$/, replacement: src('./client/src/wire/index.ts') },
      { find: /^daraja-client\/emulator$/, replacement: src('./client/src/emulator/index.ts') },
      { find: /^daraja-client$/, replacement: src('./client/src/index.ts') },
      { find: /^daraja-emulator$/, replacement: src('./emulator/src/index.ts') },
      { find: /^daraja-emulator\/testing$/, replacement: src('./emulator/src/testing/index.ts') },
    ],
  },
  test: {
    include: ['{client,emulator,test,examples,contracts}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['test/support/global-build.ts'],
    pool: 'forks',
    // Most files wait on real I/O (child processes, browsers, npm): three at once on two cores keep the CPU
    // busy, where the default (cores - 1) would run them one after the other.
    maxWorkers: 3,
    testTimeout: 20000,
  },
});
