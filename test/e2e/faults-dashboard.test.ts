import { expect } from 'vitest';
import { DESKTOP, PHONE, screenshot } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import { openUi, startEmulator } from './support/emulator-page.js';
import { MSISDN, resultCodeOf, sendStkPush } from './support/stk-push.js';
import { unlabelledControls } from './support/unlabelled.js';

const suite = browserSuite();
const { e2e } = suite;

e2e(
  'a fault rule added from the dashboard ends the next push to that phone with 1032, and the story names it',
  async () => {
    const emu = await startEmulator();
    try {
      const { page, errors } = await openUi(suite.browser, emu.url, DESKTOP, '#/faults');
      const form = page.getByRole('form', { name: 'Add a fault rule' });
      await form.getByLabel('Name').fill('cancel John');
      await form.getByLabel('Effect').selectOption('stk-outcome');
      await form.getByLabel('Result code', { exact: true }).fill('1032');
      await form.getByLabel('API').selectOption('stk-push');
      await form.getByLabel('Phone').fill(MSISDN);
      await form.getByRole('button', { name: 'Add rule' }).click();
      const rule = page.getByRole('article', { name: 'Fault rule cancel John' });
      await rule.getByText(`stk-push · phone ${MSISDN}`).waitFor();
      expect(await unlabelledControls(page)).toEqual([]);

      const ack = await sendStkPush(emu.url, {
        amount: 10,
        accountReference: 'FAULT-1',
        callbackUrl: suite.sink.url('/stk/fault'),
      });
      const callback = await suite.sink.next((r) => r.path === '/stk/fault');
      expect(resultCodeOf(callback.body)).toBe(1032);
      // Counters move with traffic; the view fetches them again after the push.
      await rule.getByLabel('matched 1, fired 1').waitFor();
      // A full-page screenshot keeps the sticky top bar where the page was scrolled to.
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'desktop-faults');
      await page.setViewportSize(PHONE);
      await screenshot(page, 'phone-390-faults');

      await page.setViewportSize(DESKTOP);
      await page.goto(`${emu.url}/#/transactions/${encodeURIComponent(ack.CheckoutRequestID)}`);
      await page.getByText(/decided by rule: result 1032/).waitFor();
      await page.getByText('(fault rules: cancel John)').waitFor();
      // The push's journal entry names the rule too.
      const requests = page.getByRole('list', { name: 'Requests about this transaction' });
      await requests.getByRole('button', { expanded: false }).first().click();
      await requests.getByText('Fault rules: cancel John').waitFor();
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await emu.close();
    }
  },
);

e2e(
  'a rule the emulator refuses shows its reason, and a pending prompt is declined from its story',
  async () => {
    const emu = await startEmulator();
    try {
      const { page, errors } = await openUi(suite.browser, emu.url, PHONE, '#/faults');
      await page.getByRole('button', { name: 'Edit as JSON' }).click();
      await page
        .getByLabel('Rule (JSON)')
        .fill('{ "match": { "phone": "0708374149" }, "effect": { "type": "reset" } }');
      await page.getByRole('button', { name: 'Add rule' }).click();
      await page
        .getByRole('alert')
        .getByText(/"match\.phone" must be an MSISDN/)
        .waitFor();
      await screenshot(page, 'phone-390-faults-json-refused');
      // The browser logs the refused POST; the refusal is this test's doing.
      const refused = /status of 400 \(Bad Request\)/;

      const ack = await sendStkPush(emu.url, {
        amount: 5,
        accountReference: 'STORY-1',
        callbackUrl: suite.sink.url('/stk/story'),
      });
      await page.goto(`${emu.url}/#/transactions/${encodeURIComponent(ack.CheckoutRequestID)}`);
      const prompt = page.getByRole('form', { name: 'Answer the prompt' });
      await prompt.waitFor();
      await screenshot(page, 'phone-390-story-pending');
      await prompt.getByRole('button', { name: 'Decline (1032)' }).click();
      const callback = await suite.sink.next((r) => r.path === '/stk/story');
      expect(resultCodeOf(callback.body)).toBe(1032);
      await page.getByText(/decided by phone: result 1032/).waitFor();
      expect(await prompt.count()).toBe(0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'phone-390-story-declined');

      // The settings form, every section of it, fits a phone.
      await page.goto(`${emu.url}/#/settings`);
      await page.getByRole('group', { name: 'Magic numbers and rate limit' }).waitFor();
      await screenshot(page, 'phone-390-settings');
      await page.setViewportSize(DESKTOP);
      await screenshot(page, 'desktop-settings');
      expect(errors.filter((e) => !refused.test(e))).toEqual([]);
      await page.close();
    } finally {
      await emu.close();
    }
  },
);
