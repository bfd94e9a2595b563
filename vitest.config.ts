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
    testTimeout: 20000,
  },
});
