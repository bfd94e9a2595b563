import { expect } from 'vitest';
import { DESKTOP } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import { openUi, startEmulator } from './support/emulator-page.js';

const suite = browserSuite();
const { e2e } = suite;

e2e('a business card shows and switches C2B external validation, and edits a balance', async () => {
  const emu = await startEmulator();
  const { page, errors } = await openUi(suite.browser, emu.url, DESKTOP, '#/businesses');
  try {
    const card = page.getByRole('article', { name: 'Safaricom Daraja 000 600000' });
    const validation = card.getByLabel('External validation off');
    await validation.check();
    await card.getByLabel('External validation on').waitFor();
    const view = await fetch(`${emu.url}/_emulator/c2b/shortcodes/600000/validation`);
    expect(await view.json()).toEqual({ shortcode: '600000', externalValidation: true });

    await card.getByRole('button', { name: 'Edit Utility Account balance of 600000' }).click();
    await card.getByLabel('Utility Account balance of 600000 (Ksh)').fill('1234.5');
    await card.getByRole('button', { name: 'Save' }).click();
    await card.getByText('Ksh 1,234.50').waitFor();
    const shortcodes = (await (await fetch(`${emu.url}/_emulator/shortcodes`)).json()) as {
      shortcode: string;
      accounts: Record<string, number>;
    }[];
    expect(shortcodes.find((s) => s.shortcode === '600000')?.accounts['Utility Account']).toBe(1234.5);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
    await emu.close();
  }
});
