import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { DESKTOP, PHONE, repoRoot, screenshot } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import { seriousAxeFindings } from './support/axe.js';
import { openUi, phoneOf, startEmulator } from './support/emulator-page.js';
import { PIN, sendStkPush, acceptPrompt } from './support/stk-push.js';

const suite = browserSuite();
const { e2e } = suite;

const views = [
  'phones',
  'transactions',
  'journal',
  'deliveries',
  'faults',
  'businesses',
  'settings',
  'conformance',
];

/** UPDATE_UI_SCREENSHOTS=1 also copies each view's screenshot into docs/screenshots/ for the docs. */
function keepForDocs(path: string, name: string) {
  if (!process.env.UPDATE_UI_SCREENSHOTS) return;
  const dir = join(repoRoot, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  copyFileSync(path, join(dir, `${name}.png`));
}

for (const [width, viewport] of [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const) {
  e2e(
    `axe-core finds nothing serious or critical on any view at ${width} width`,
    async () => {
      const emu = await startEmulator();
      const { page, errors } = await openUi(suite.browser, emu.url, viewport, '#/transactions');
      try {
        const ack = await sendStkPush(emu.url, {
          amount: 120,
          accountReference: 'AXE-1',
          callbackUrl: suite.sink.url('/axe'),
        });
        await acceptPrompt(emu.url, ack.CheckoutRequestID, PIN);
        await suite.sink.next((r) => r.path === '/axe' && (r.body as { Body?: unknown }).Body !== undefined);
        // A prompt left open, so the phone's dialog is checked too.
        await sendStkPush(emu.url, {
          amount: 45,
          accountReference: 'AXE-2',
          callbackUrl: suite.sink.url('/axe'),
        });

        const findings: Record<string, unknown> = {};
        for (const view of [...views, `transactions/${ack.CheckoutRequestID}`]) {
          await page.goto(`${emu.url}/#/${view}`);
          await page.getByRole('heading', { level: 2 }).last().waitFor();
          await page.waitForLoadState('networkidle');
          const found = await seriousAxeFindings(page);
          if (found.length > 0) findings[view] = found;
          const name = `${view.startsWith('transactions/') ? 'story' : view}-${width}`;
          keepForDocs(await screenshot(page, `ui-${name}`), name);
        }
        expect(findings).toEqual({});
        expect(errors).toEqual([]);
      } finally {
        await page.close();
        await emu.close();
      }
    },
    120_000,
  );
}

e2e('a new prompt is announced, and after it is answered the keyboard stays on the phone', async () => {
  const emu = await startEmulator();
  const { page, errors } = await openUi(suite.browser, emu.url, PHONE);
  try {
    await sendStkPush(emu.url, {
      amount: 60,
      accountReference: 'FOCUS-1',
      callbackUrl: suite.sink.url('/focus'),
    });
    const phone = phoneOf(page);
    await phone
      .locator('[aria-live="assertive"]')
      .getByText(/Payment request on John Doe's phone: pay Ksh 60/)
      .waitFor();
    const dialog = phone.getByRole('dialog');
    expect(await dialog.evaluate((el) => el.tagName)).toBe('DIV');
    await dialog.getByLabel('M-PESA PIN').fill(PIN);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await phone.getByText(/Paid Ksh 60/).waitFor();
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.closest('article')?.getAttribute('aria-label') ?? 'body'),
      )
      .toMatch(/Phone of John Doe/);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
    await emu.close();
  }
});
