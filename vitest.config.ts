import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const ALL = ['{client,emulator,test,examples,contracts}/**/*.test.ts'];

/**
 * The browser files: each starts its Chromium before its tests and closes it after them, so one worker runs
 * them one after another and loads the emulator and Playwright once.
 */
const BROWSER = ['test/e2e/**/*.test.ts'];

/**
 * Files that start processes (the compiled command, npm) or fill a disk: each runs in a fresh worker of its
 * own. Every other file runs the emulator in its worker's process and leaves nothing behind, so those share
 * workers and load the emulator's modules once per worker instead of once per file.
 */
const OWN_PROCESS = [
  'test/{packaging,reliability,durability}/**/*.test.ts',
  'test/scenarios/{cli,exec-command,proxy-clients,scenario-file,tls-cli,tls}.test.ts',
  'contracts/verify-pacts-command.test.ts',
  'emulator/src/store/file-lock.test.ts',
];

/** What every project shares. */
const shared = {
  resolve: {
    alias: [
      { find: /^daraja-client\/wire$/, replacement: src('./client/src/wire/index.ts') },
      { find: /^daraja-client\/emulator$/, replacement: src('./client/src/emulator/index.ts') },
      { find: /^daraja-client$/, replacement: src('./client/src/index.ts') },
      { find: /^daraja-emulator$/, replacement: src('./emulator/src/index.ts') },
      { find: /^daraja-emulator\/testing$/, replacement: src('./emulator/src/testing/index.ts') },
    ],
  },
};
const test = { exclude: ['**/node_modules/**', '**/dist/**'], pool: 'forks', testTimeout: 20000 } as const;

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-build.ts'],
    // Most files wait on real I/O (child processes, browsers, npm): three at once on two cores keep the CPU
    // busy, where the default (cores - 1) would run them one after the other. Set here only, and not in a
    // project, so that `--maxWorkers` on the command line applies to every project.
    maxWorkers: 3,
    projects: [
      {
        ...shared,
        test: {
          ...test,
          name: 'in-process',
          include: ALL,
          exclude: [...test.exclude, ...BROWSER, ...OWN_PROCESS],
          isolate: false,
        },
      },
      { ...shared, test: { ...test, name: 'own-process', include: OWN_PROCESS } },
      { ...shared, test: { ...test, name: 'browser', include: BROWSER, isolate: false } },
    ],
  },
});
