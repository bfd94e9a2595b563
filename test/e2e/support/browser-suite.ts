import { afterAll, beforeAll, test, vi } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { hasBrowser, launchBrowser } from './browser.js';
import { startCallbackSink } from './callback-sink.js';

type Sink = Awaited<ReturnType<typeof startCallbackSink>>;

/**
 * One headless Chromium and one callback receiver for a test file, started before its tests and stopped
 * after them; `e2e` skips the tests on a machine without Chromium.
 */
export function browserSuite(answer?: Parameters<typeof startCallbackSink>[0]) {
  // A browser, an emulator and the rest of the suite share two cores: give each step room under that load.
  vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
  let browser: BrowserContext | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  let sink: Sink | undefined;

  beforeAll(async () => {
    if (!hasBrowser) return;
    ({ browser, close: closeBrowser } = await launchBrowser());
    sink = await startCallbackSink(answer);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await sink?.close();
  });

  return {
    e2e: test.skipIf(!hasBrowser),
    get browser(): BrowserContext {
      if (!browser) throw new Error('Chromium is not running');
      return browser;
    },
    get sink(): Sink {
      if (!sink) throw new Error('the callback receiver is not running');
      return sink;
    },
  };
}
