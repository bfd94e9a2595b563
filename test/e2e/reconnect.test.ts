import { expect } from 'vitest';
import { PHONE } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import { openUi, phoneOf, startEmulator } from './support/emulator-page.js';
import { PIN, sendStkPush } from './support/stk-push.js';

const suite = browserSuite();
const { e2e } = suite;

/** Chromium logs refused connections while the emulator is down; those are the test's doing, not the UI's. */
const restartNoise = /WebSocket connection to .* failed|ERR_CONNECTION_REFUSED|Failed to load resource/;

e2e(
  'with the emulator stopped, OK says it could not reach it; after the restart every view reloads and the message is gone',
  async () => {
    let emu = await startEmulator();
    const port = emu.port;
    const { page, errors } = await openUi(suite.browser, emu.url, PHONE);
    try {
      await sendStkPush(emu.url, {
        amount: 3,
        accountReference: 'DOWN-1',
        callbackUrl: suite.sink.url('/stk/down'),
      });
      const prompt = phoneOf(page).getByRole('dialog');
      await prompt.waitFor();
      await emu.close();
      await page.getByRole('status', { name: /Live updates: (Disconnected|Connecting)/ }).waitFor();

      await prompt.getByLabel('M-PESA PIN').fill(PIN);
      await prompt.getByRole('button', { name: 'OK' }).click();
      await prompt
        .getByRole('alert')
        .getByText(/Could not reach the emulator/)
        .waitFor();

      await page.getByRole('link', { name: 'Settings' }).click();
      const settings = page.getByRole('region', { name: 'Settings' });
      await settings.getByText(/Could not reach the emulator/).waitFor();

      emu = await startEmulator({}, port);
      await page.getByRole('status', { name: 'Live updates: Live' }).waitFor({ timeout: 10_000 });
      // Settings was opened while the emulator was down: it loads by itself once the page is back in touch.
      await settings.getByRole('button', { name: 'Save settings' }).waitFor();
      expect(await settings.getByText(/Could not reach the emulator/).count()).toBe(0);

      await page.getByRole('link', { name: /^Phones/ }).click();
      await phoneOf(page).getByRole('button', { name: 'M-PESA' }).waitFor();
      expect(await phoneOf(page).textContent()).not.toMatch(/could not reach|did not answer/i);
      expect(errors.filter((e) => !restartNoise.test(e))).toEqual([]);
    } finally {
      await page.close();
      await emu.close();
    }
  },
);
